package org.hamster.pallet.resourceorder.internal;

import org.hamster.chain.support.Checked;
import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.State;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ScheduledTask.Kind;

/** The provider's side of a lease: executing orders, heartbeats with pro-rata settlement, withdrawing rent. */
final class Agreements {
    private Agreements() {
    }

    static RentalAgreement get(State s, long id) throws DispatchException {
        RentalAgreement a = ResourceOrderStorage.AGREEMENTS.get(s, id);
        if (a == null) {
            throw new DispatchException(ResourceOrderError.AgreementNotFound);
        }
        return a;
    }

    /**
     * Rent earned over [lastSettled, at]: the unsettled amount pro rata to the elapsed share of the remaining
     * time, rounded down; everything that is left once {@code at} reaches the end.
     */
    static BigInteger accrued(RentalAgreement a, long at) {
        BigInteger unsettled = a.amount().subtract(a.settled());
        if (at >= a.end()) {
            return unsettled;
        }
        if (at <= a.lastSettled()) {
            return BigInteger.ZERO;
        }
        return unsettled.multiply(BigInteger.valueOf(at - a.lastSettled()))
                .divide(BigInteger.valueOf(a.end() - a.lastSettled()));
    }

    /** The resource's owner accepts a pending order; its pledge is locked 1:1 with the order's amount. */
    static void exec(Env e, AccountId provider, long orderId) throws DispatchException {
        State s = e.state();
        Order o = Orders.get(s, orderId);
        if (!o.provider().equals(provider)) {
            throw new DispatchException(ResourceOrderError.NotResourceOwner);
        }
        if (o.status() != OrderStatus.PENDING) {
            throw new DispatchException(ResourceOrderError.OrderNotPending);
        }
        if (e.schedule().timedOut(o, e.now())) {
            throw new DispatchException(ResourceOrderError.OrderExpired);
        }
        if (o.renewal()) {
            extend(e, o);
        } else {
            start(e, o);
        }
    }

    private static void start(Env e, Order o) throws DispatchException {
        State s = e.state();
        long now = e.now();
        long end = Checked.add(now, Checked.mul(o.hours(), e.hourMs()));
        PledgeBook.lock(s, o.provider(), o.amount());
        e.resources().markInUse(e.ctx(), o.resource());
        long id = ResourceOrderStorage.NEXT_AGREEMENT_ID.getOr(s, 0L);
        ResourceOrderStorage.NEXT_AGREEMENT_ID.put(s, Checked.add(id, 1));
        RentalAgreement a = new RentalAgreement(id, o.id(), o.provider(), o.tenant(), o.resource(),
                o.pricePerHour(), now, end, now, now, o.amount(), BigInteger.ZERO, BigInteger.ZERO, o.amount(),
                AgreementStatus.USING, o.sshPublicKey(), 0);
        ResourceOrderStorage.AGREEMENTS.put(s, id, a);
        Indexes.add(s, a);
        e.schedule().scheduleAgreement(s, a);
        e.schedule().unscheduleTimeout(s, o);
        Orders.finish(e, o.closed(OrderStatus.FINISHED, id));
        e.resources().recordRental(e.ctx(), o.provider(), o.hours(), true);
        e.ctx().deposit(new ResourceOrderEvent.AgreementStarted(id, o.id(), o.provider(), o.tenant(), o.resource(),
                now, end, o.amount()));
    }

    private static void extend(Env e, Order o) throws DispatchException {
        State s = e.state();
        RentalAgreement a = get(s, o.agreement());
        if (!a.activeAt(e.now())) {
            throw new DispatchException(ResourceOrderError.AgreementNotActive);
        }
        long newEnd = Checked.add(a.end(), Checked.mul(o.hours(), e.hourMs()));
        e.resources().ensureRentableUntil(s, a.resource(), newEnd);
        PledgeBook.lock(s, o.provider(), o.amount());
        RentalAgreement renewed = a.renewed(o.pricePerHour(), newEnd, o.amount());
        e.schedule().unscheduleAgreement(s, a);
        e.schedule().scheduleAgreement(s, renewed);
        ResourceOrderStorage.AGREEMENTS.put(s, a.id(), renewed);
        e.schedule().unscheduleTimeout(s, o);
        Orders.finish(e, o.closed(OrderStatus.FINISHED, a.id()));
        e.resources().recordRental(e.ctx(), o.provider(), o.hours(), false);
        e.ctx().deposit(new ResourceOrderEvent.AgreementRenewed(a.id(), o.id(), newEnd, renewed.pledgeLocked()));
    }

    /** Liveness from the provider, at most heartbeatTolerance apart: settles the rent up to now. */
    static void heartbeat(Env e, AccountId provider, long agreementId) throws DispatchException {
        State s = e.state();
        long now = e.now();
        RentalAgreement a = get(s, agreementId);
        if (!a.provider().equals(provider)) {
            throw new DispatchException(ResourceOrderError.NotAgreementProvider);
        }
        if (!a.activeAt(now)) {
            throw new DispatchException(ResourceOrderError.AgreementNotActive);
        }
        if (e.schedule().checked(a) && now > e.schedule().deadline(a)) {
            throw new DispatchException(ResourceOrderError.HeartbeatMissed);
        }
        BigInteger delta = accrued(a, now);
        RentalAgreement settled = a.settledTo(now, delta, true);
        e.schedule().unscheduleAgreement(s, a);
        e.schedule().scheduleAgreement(s, settled);
        ResourceOrderStorage.AGREEMENTS.put(s, a.id(), settled);
        e.ctx().deposit(new ResourceOrderEvent.HeartbeatReceived(a.id(), provider, delta, now));
    }

    /**
     * Pays the provider the rent settled so far (by heartbeats and at the end); a closed agreement whose
     * retention has passed is deleted once nothing is left in it.
     */
    static void withdrawRent(Env e, AccountId provider, long agreementId) throws DispatchException {
        State s = e.state();
        RentalAgreement a = get(s, agreementId);
        if (!a.provider().equals(provider)) {
            throw new DispatchException(ResourceOrderError.NotAgreementProvider);
        }
        BigInteger amount = a.withdrawable();
        if (amount.signum() == 0) {
            throw new DispatchException(ResourceOrderError.NothingToWithdraw);
        }
        Escrow.payOut(e, provider, amount);
        RentalAgreement paid = a.withdrew(amount);
        e.ctx().deposit(new ResourceOrderEvent.RentWithdrawn(a.id(), provider, amount));
        if (paid.status() != AgreementStatus.USING && e.now() >= paid.closedAt() + e.cfg().historyRetention()) {
            remove(e, paid);
        } else {
            ResourceOrderStorage.AGREEMENTS.put(s, a.id(), paid);
        }
    }

    /** The tenant collects its refunds. */
    static void claimRefund(Env e, AccountId who) throws DispatchException {
        BigInteger owed = ResourceOrderStorage.REFUNDS.getOr(e.state(), who, BigInteger.ZERO);
        if (owed.signum() == 0) {
            throw new DispatchException(ResourceOrderError.NoRefund);
        }
        Escrow.payOut(e, who, owed);
        ResourceOrderStorage.REFUNDS.remove(e.state(), who);
        e.ctx().deposit(new ResourceOrderEvent.RefundClaimed(who, owed));
    }

    static void remove(Env e, RentalAgreement a) {
        ResourceOrderStorage.AGREEMENTS.remove(e.state(), a.id());
        Indexes.remove(e.state(), a);
        e.ctx().deposit(new ResourceOrderEvent.AgreementRemoved(a.id()));
    }

    /** Closes the agreement with {@code status} at now, its purge scheduled. */
    static void close(Env e, RentalAgreement closed) {
        ResourceOrderStorage.AGREEMENTS.put(e.state(), closed.id(), closed);
        e.schedule().schedulePurge(e.state(), Kind.PURGE_AGREEMENT, closed.id(), closed.closedAt());
    }
}
