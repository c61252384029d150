package org.hamster.pallet.resourceorder.internal;

import java.math.BigInteger;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.State;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ScheduledTask.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How leases end, as scheduled tasks: at their end (FIX: every agreement due in a slot, paid up to the end), by
 * a missed heartbeat (FIX: only this agreement's pledge lock is touched, after the grace allowance), and their
 * purge after historyRetention. A missing agreement is logged and skipped; nothing here throws.
 */
final class LeaseEnds {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseEnds.class);

    private LeaseEnds() {
    }

    /** AGREEMENT_END: settle the rest up to the end, pay it out, unlock the pledge, release the resource. */
    static void end(Env e, long id) {
        State s = e.state();
        RentalAgreement a = using(s, id, "end");
        if (a == null) {
            return;
        }
        if (e.now() < a.end()) {
            e.schedule().scheduleAgreement(s, a);
            return;
        }
        e.schedule().unscheduleAgreement(s, a);
        RentalAgreement settled = a.settledTo(a.end(), Agreements.accrued(a, a.end()), false);
        BigInteger due = settled.withdrawable();
        BigInteger paid = BigInteger.ZERO;
        try {
            Escrow.payOut(e, a.provider(), due);
            paid = due;
        } catch (DispatchException ex) {
            LOG.info("Rent {} of agreement {} could not be paid to {} ({}); left to withdraw", due, id,
                    a.provider(), ex.getMessage());
        }
        PledgeBook.unlock(s, a.provider(), a.pledgeLocked());
        RentalAgreement closed = settled.withdrew(paid).closed(AgreementStatus.FINISHED, e.now());
        Agreements.close(e, closed);
        e.resources().release(e.ctx(), a.resource());
        e.ctx().deposit(new ResourceOrderEvent.AgreementFinished(id, a.resource(), a.provider(), paid));
    }

    /**
     * HEALTH_CHECK: past the deadline without a heartbeat, the unserved rent and this agreement's pledge lock
     * (slashed from the provider's reserve) are credited to the tenant's refunds, the resource goes Offline and the
     * provider's fault count grows. Rent settled before stays the provider's.
     */
    static void healthCheck(Env e, long id) {
        State s = e.state();
        RentalAgreement a = using(s, id, "check");
        if (a == null || !e.schedule().checked(a)) {
            return;
        }
        if (e.now() <= e.schedule().deadline(a)) {
            e.schedule().scheduleAgreement(s, a);
            return;
        }
        e.schedule().unscheduleAgreement(s, a);
        BigInteger unserved = a.amount().subtract(a.settled());
        BigInteger slashed = PledgeBook.slash(e, a.provider(), a.pledgeLocked());
        Escrow.credit(e, a.tenant(), unserved.add(slashed));
        Agreements.close(e, a.closed(AgreementStatus.PUNISHED, e.now()));
        e.resources().markOffline(e.ctx(), a.provider(), a.resource());
        e.ctx().deposit(new ResourceOrderEvent.AgreementPunished(id, a.resource(), a.provider(), a.tenant(),
                unserved, slashed));
        LOG.info("Agreement {} punished: provider {} missed its heartbeats", id, a.provider());
    }

    /** PURGE_AGREEMENT: deletes a closed agreement; one with rent left is deleted by the last withdraw_rent. */
    static void purge(Env e, long id) {
        RentalAgreement a = ResourceOrderStorage.AGREEMENTS.get(e.state(), id);
        if (a == null) {
            LOG.info("Agreement {} to purge is gone; skipped", id);
        } else if (a.status() == AgreementStatus.USING) {
            LOG.warn("Agreement {} to purge is still running; kept", id);
        } else if (e.now() < a.closedAt() + e.cfg().historyRetention()) {
            e.schedule().schedulePurge(e.state(), Kind.PURGE_AGREEMENT, id, a.closedAt());
        } else if (a.withdrawable().signum() > 0) {
            LOG.debug("Agreement {} keeps {} of rent to withdraw; purged by the withdrawal", id, a.withdrawable());
        } else {
            Agreements.remove(e, a);
        }
    }

    private static RentalAgreement using(State s, long id, String what) {
        RentalAgreement a = ResourceOrderStorage.AGREEMENTS.get(s, id);
        if (a == null) {
            LOG.info("Agreement {} to {} is gone; skipped", id, what);
            return null;
        }
        if (a.status() != AgreementStatus.USING) {
            LOG.debug("Agreement {} is {}; {} ignored", id, a.status(), what);
            return null;
        }
        return a;
    }
}
