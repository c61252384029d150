package org.hamster.pallet.resourceorder.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.chain.testkit.TestAccounts.CHARLIE;
import static org.hamster.chain.testkit.TestAccounts.EVE;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.ED;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.FUNDS;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.GRACE;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.HOUR;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.SSH_KEY;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.TOLERANCE;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ResourceOrderStorage.AccountIndex;
import org.hamster.pallet.resourceorder.ScheduledTask;
import org.hamster.pallet.resourceorder.ScheduledTask.Kind;
import org.junit.jupiter.api.Test;

class AgreementTest {
    private final MarketFixture f = new MarketFixture();
    private final long resource;

    AgreementTest() throws DispatchException {
        resource = f.register(ALICE, 100, 10);
        f.pledge(ALICE, 10_000);
    }

    private boolean scheduled(long slot, Kind kind, long id) {
        return ResourceOrderStorage.SCHEDULE.contains(f.h.state(), new ScheduledTask(slot, kind, id));
    }

    private void heartbeat(AccountId who, long agreement) throws DispatchException {
        f.call(who, new ResourceOrderCall.Heartbeat(agreement));
    }

    /** Heartbeats every 18 s (within the 24 s tolerance) until the open block reaches {@code until}. */
    private void keepAlive(long agreement, long until) throws DispatchException {
        while (f.h.now() < until) {
            f.advanceTo(Math.min(until, f.h.now() + 18_000));
            if (f.agreement(agreement).activeAt(f.h.now())) {
                heartbeat(ALICE, agreement);
            }
        }
    }

    @Test
    void execStartsTheLeaseAndLocksThePledge() throws DispatchException {
        long order = f.order(BOB, resource, 2);
        long start = f.h.now();
        long id = f.exec(ALICE, order);
        long end = start + 2 * HOUR;
        assertEquals(new RentalAgreement(0, order, ALICE, BOB, resource, b(100), start, end, start, start, b(200),
                b(0), b(0), b(200), AgreementStatus.USING, SSH_KEY, 0), f.agreement(id));
        assertEquals(OrderStatus.FINISHED, f.order(order).status());
        assertEquals(Long.valueOf(id), f.order(order).agreement());
        assertEquals(new PledgeInfo(b(10_000), b(200)), f.pledgeOf(ALICE));
        assertEquals(ResourceStatus.INUSE, f.resource(resource).status());
        assertEquals(new ProviderStatistics(1, 2, 0, 0), f.provider.statistics(f.h.state(), ALICE));
        assertTrue(ResourceOrderStorage.TENANT_AGREEMENTS.contains(f.h.state(), new AccountIndex(BOB, id)));
        assertTrue(ResourceOrderStorage.PROVIDER_AGREEMENTS.contains(f.h.state(), new AccountIndex(ALICE, id)));
        assertTrue(scheduled(end / 6000, Kind.AGREEMENT_END, id));
        assertTrue(scheduled((start + GRACE + TOLERANCE) / 6000 + 1, Kind.HEALTH_CHECK, id));
        assertFalse(scheduled((start + 30_000) / 6000, Kind.ORDER_TIMEOUT, order));
        assertEquals(new ResourceOrderEvent.AgreementStarted(id, order, ALICE, BOB, resource, start, end, b(200)),
                f.h.lastEvent());
        assertEquals(ED.add(b(200)), f.escrow());
    }

    @Test
    void execIsForTheOwnerOfAPendingOrderWithEnoughFreePledge() throws DispatchException {
        long other = f.register(CHARLIE, 100, 10);
        assertSame(ResourceOrderError.OrderNotFound, f.fails(ALICE, new ResourceOrderCall.ExecOrder(5)));
        long order = f.order(BOB, resource, 2);
        assertSame(ResourceOrderError.NotResourceOwner, f.fails(CHARLIE, new ResourceOrderCall.ExecOrder(order)));
        assertSame(ResourceOrderError.NotResourceOwner, f.fails(BOB, new ResourceOrderCall.ExecOrder(order)));
        long big = f.order(EVE, other, 2);
        assertSame(ResourceOrderError.NoPledge, f.fails(CHARLIE, new ResourceOrderCall.ExecOrder(big)));
        f.pledge(CHARLIE, 199);
        assertSame(ResourceOrderError.InsufficientFreePledge, f.fails(CHARLIE, new ResourceOrderCall.ExecOrder(big)));
        f.pledge(CHARLIE, 1);
        f.exec(CHARLIE, big);
        assertEquals(new PledgeInfo(b(200), b(200)), f.pledgeOf(CHARLIE));
        f.exec(ALICE, order);
        assertSame(ResourceOrderError.OrderNotPending, f.fails(ALICE, new ResourceOrderCall.ExecOrder(order)));
    }

    @Test
    void aHeartbeatSettlesRentProRata() throws DispatchException {
        long id = f.exec(ALICE, f.order(BOB, resource, 2));
        long start = f.h.now();
        f.advanceTo(start + 12_000);
        heartbeat(ALICE, id);
        assertEquals(new ResourceOrderEvent.HeartbeatReceived(id, ALICE, b(20), start + 12_000), f.h.lastEvent());
        RentalAgreement a = f.agreement(id);
        assertEquals(b(20), a.settled());
        assertEquals(start + 12_000, a.lastSettled());
        assertEquals(start + 12_000, a.lastHeartbeat());
        // the grace still counts: the deadline stays start + grace + tolerance
        assertTrue(scheduled((start + GRACE + TOLERANCE) / 6000 + 1, Kind.HEALTH_CHECK, id));
        f.advanceTo(start + 30_000);
        heartbeat(ALICE, id);
        // 180 left over 108 s, 18 s elapsed: 30
        assertEquals(b(50), f.agreement(id).settled());
        assertFalse(scheduled((start + GRACE + TOLERANCE) / 6000 + 1, Kind.HEALTH_CHECK, id));
        assertTrue(scheduled((start + 30_000 + TOLERANCE) / 6000 + 1, Kind.HEALTH_CHECK, id));
        f.advanceTo(start + 42_000);
        heartbeat(ALICE, id);
        assertEquals(b(50 + 150 * 12 / 90), f.agreement(id).settled());
    }

    @Test
    void heartbeatsComeFromTheProviderOfARunningLeaseInTime() throws DispatchException {
        long id = f.exec(ALICE, f.order(BOB, resource, 2));
        long start = f.h.now();
        assertSame(ResourceOrderError.AgreementNotFound, f.fails(ALICE, new ResourceOrderCall.Heartbeat(3)));
        assertSame(ResourceOrderError.NotAgreementProvider, f.fails(BOB, new ResourceOrderCall.Heartbeat(id)));
        long deadline = start + GRACE + TOLERANCE;
        // as if the health checks were still waiting in a backlog: a late heartbeat must not rescue the lease
        ResourceOrderStorage.SCHEDULE.remove(f.h.state(), new ScheduledTask(deadline / 6000 + 1, Kind.HEALTH_CHECK,
                id));
        f.advanceTo(deadline);
        heartbeat(ALICE, id);
        long next = deadline + TOLERANCE;
        ResourceOrderStorage.SCHEDULE.remove(f.h.state(), new ScheduledTask(next / 6000 + 1, Kind.HEALTH_CHECK, id));
        f.advanceTo(next + 1);
        assertSame(ResourceOrderError.HeartbeatMissed, f.fails(ALICE, new ResourceOrderCall.Heartbeat(id)));
    }

    @Test
    void theProviderWithdrawsSettledRent() throws DispatchException {
        long id = f.exec(ALICE, f.order(BOB, resource, 2));
        assertSame(ResourceOrderError.NothingToWithdraw, f.fails(ALICE, new ResourceOrderCall.WithdrawRent(id)));
        f.advanceTo(f.h.now() + 12_000);
        heartbeat(ALICE, id);
        BigInteger before = f.free(ALICE);
        assertSame(ResourceOrderError.NotAgreementProvider, f.fails(BOB, new ResourceOrderCall.WithdrawRent(id)));
        assertSame(ResourceOrderError.AgreementNotFound, f.fails(ALICE, new ResourceOrderCall.WithdrawRent(4)));
        f.call(ALICE, new ResourceOrderCall.WithdrawRent(id));
        assertEquals(before.add(b(20)), f.free(ALICE));
        assertEquals(ED.add(b(180)), f.escrow());
        assertEquals(b(20), f.agreement(id).withdrawn());
        assertEquals(new ResourceOrderEvent.RentWithdrawn(id, ALICE, b(20)), f.h.lastEvent());
        assertSame(ResourceOrderError.NothingToWithdraw, f.fails(ALICE, new ResourceOrderCall.WithdrawRent(id)));
    }

    @Test
    void atItsEndALeasePaysTheRestAndUnlocksThePledge() throws DispatchException {
        long id = f.exec(ALICE, f.order(BOB, resource, 2));
        long end = f.agreement(id).end();
        keepAlive(id, end - 30_000);
        f.call(ALICE, new ResourceOrderCall.WithdrawRent(id));
        BigInteger withdrawn = f.agreement(id).withdrawn();
        assertTrue(withdrawn.signum() > 0 && withdrawn.compareTo(b(200)) < 0);
        keepAlive(id, end - 6000);
        assertEquals(AgreementStatus.USING, f.agreement(id).status());
        f.advanceTo(end);
        RentalAgreement a = f.agreement(id);
        assertEquals(AgreementStatus.FINISHED, a.status());
        assertEquals(b(200), a.settled());
        assertEquals(b(200), a.withdrawn());
        assertEquals(end, a.lastSettled());
        assertEquals(end, a.closedAt());
        assertEquals(b(0), a.pledgeLocked());
        assertEquals(new PledgeInfo(b(10_000), b(0)), f.pledgeOf(ALICE));
        assertEquals(ED, f.escrow());
        assertEquals(FUNDS.subtract(b(10_000)).add(b(200)), f.free(ALICE));
        assertEquals(ResourceStatus.UNUSED, f.resource(resource).status());
        assertTrue(f.h.events().contains(new ResourceOrderEvent.AgreementFinished(id, resource, ALICE,
                b(200).subtract(withdrawn))));
        assertSame(ResourceOrderError.AgreementNotActive, f.fails(ALICE, new ResourceOrderCall.Heartbeat(id)));
        assertSame(ResourceOrderError.AgreementNotActive, f.fails(BOB, new ResourceOrderCall.Renew(id, 1)));
        f.call(ALICE, new ResourceOrderCall.WithdrawPledge(b(10_000)));
    }

    @Test
    void anExecutedRenewalExtendsTheLeaseAndItsPledgeLock() throws DispatchException {
        long id = f.exec(ALICE, f.order(BOB, resource, 2));
        long end = f.agreement(id).end();
        long renewal = f.renew(BOB, id, 3);
        assertSame(ResourceOrderError.NotResourceOwner, f.fails(BOB, new ResourceOrderCall.ExecOrder(renewal)));
        assertEquals(id, f.exec(ALICE, renewal));
        RentalAgreement a = f.agreement(id);
        assertEquals(end + 3 * HOUR, a.end());
        assertEquals(b(500), a.amount());
        assertEquals(b(500), a.pledgeLocked());
        assertEquals(new PledgeInfo(b(10_000), b(500)), f.pledgeOf(ALICE));
        assertFalse(scheduled(end / 6000, Kind.AGREEMENT_END, id));
        assertTrue(scheduled((end + 3 * HOUR) / 6000, Kind.AGREEMENT_END, id));
        assertEquals(new ProviderStatistics(1, 5, 0, 0), f.provider.statistics(f.h.state(), ALICE));
        assertEquals(new ResourceOrderEvent.AgreementRenewed(id, renewal, end + 3 * HOUR, b(500)), f.h.lastEvent());
        keepAlive(id, end + 3 * HOUR);
        assertEquals(AgreementStatus.FINISHED, f.agreement(id).status());
        assertEquals(FUNDS.subtract(b(10_000)).add(b(500)), f.free(ALICE));
        assertEquals(ED, f.escrow());
    }

    @Test
    void aRenewalThatNoLongerFitsOrOutlivedItsLeaseCannotBeExecuted() throws DispatchException {
        long id = f.exec(ALICE, f.order(BOB, resource, 2));
        long first = f.renew(BOB, id, 8);
        long second = f.renew(BOB, id, 1);
        f.exec(ALICE, first);
        assertSame(ProviderError.ExceedsRentableTime, f.fails(ALICE, new ResourceOrderCall.ExecOrder(second)));
        f.call(BOB, new ResourceOrderCall.CancelOrder(second));
        assertSame(ProviderError.ExceedsRentableTime, f.fails(BOB, new ResourceOrderCall.Renew(id, 1)));
    }

    @Test
    void aRenewalPendingAtTheEndOfTheLeaseIsRefused() throws DispatchException {
        long id = f.exec(ALICE, f.order(BOB, resource, 1));
        long end = f.agreement(id).end();
        keepAlive(id, end - 18_000);
        long renewal = f.renew(BOB, id, 1);
        f.advanceTo(end);
        assertEquals(AgreementStatus.FINISHED, f.agreement(id).status());
        assertSame(ResourceOrderError.AgreementNotActive, f.fails(ALICE, new ResourceOrderCall.ExecOrder(renewal)));
        f.call(BOB, new ResourceOrderCall.CancelOrder(renewal));
        assertEquals(FUNDS.subtract(b(100)), f.free(BOB));
        assertEquals(ResourceStatus.UNUSED, f.resource(resource).status());
    }

    @Test
    void aMissedHeartbeatPunishesOnlyThatAgreement() throws DispatchException {
        long second = f.register(ALICE, 50, 10);
        long good = f.exec(ALICE, f.order(EVE, second, 4));
        long bad = f.exec(ALICE, f.order(BOB, resource, 2));
        long start = f.h.now();
        assertEquals(new PledgeInfo(b(10_000), b(400)), f.pledgeOf(ALICE));
        f.advanceTo(start + 12_000);
        heartbeat(ALICE, bad);
        long deadline = start + GRACE + TOLERANCE;
        f.advanceTo(deadline);
        heartbeat(ALICE, good);
        assertEquals(AgreementStatus.USING, f.agreement(bad).status());
        f.advanceTo(deadline + 1);
        RentalAgreement a = f.agreement(bad);
        assertEquals(AgreementStatus.PUNISHED, a.status());
        assertEquals(b(0), a.pledgeLocked());
        assertEquals(b(20), a.withdrawable(), "rent settled before the fault stays the provider's");
        assertEquals(b(180 + 200), f.refundOf(BOB));
        assertEquals(new PledgeInfo(b(9_800), b(200)), f.pledgeOf(ALICE));
        assertEquals(b(9_800), f.reserved(ALICE));
        assertEquals(ResourceStatus.OFFLINE, f.resource(resource).status());
        assertEquals(ResourceStatus.INUSE, f.resource(second).status());
        assertEquals(1, f.provider.statistics(f.h.state(), ALICE).faults());
        assertTrue(f.h.events().contains(new ResourceOrderEvent.AgreementPunished(bad, resource, ALICE, BOB, b(180),
                b(200))));
        assertEquals(ED.add(b(200 + 200 + 200)), f.escrow());

        f.call(BOB, new ResourceOrderCall.ClaimRefund());
        assertEquals(FUNDS.subtract(b(200)).add(b(380)), f.free(BOB));
        f.call(ALICE, new ResourceOrderCall.WithdrawRent(bad));
        assertEquals(ED.add(b(200)), f.escrow());
        assertSame(ResourceOrderError.AgreementNotActive, f.fails(ALICE, new ResourceOrderCall.Heartbeat(bad)));

        keepAlive(good, f.agreement(good).end());
        assertEquals(AgreementStatus.FINISHED, f.agreement(good).status());
        assertEquals(new PledgeInfo(b(9_800), b(0)), f.pledgeOf(ALICE));
        assertEquals(ED, f.escrow());

        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.Relist(resource));
        f.order(CHARLIE, resource, 1);
    }

    @Test
    void withoutAnyHeartbeatTheWholePaymentAndLockGoToTheTenant() throws DispatchException {
        long id = f.exec(ALICE, f.order(BOB, resource, 2));
        f.advanceTo(f.agreement(id).start() + GRACE + TOLERANCE + 1);
        assertEquals(b(400), f.refundOf(BOB));
        f.call(BOB, new ResourceOrderCall.ClaimRefund());
        assertEquals(FUNDS.add(b(200)), f.free(BOB));
        assertEquals(FUNDS.subtract(b(10_000)), f.free(ALICE));
        assertEquals(b(9_800), f.reserved(ALICE));
        assertEquals(ED, f.escrow());
        assertSame(ResourceOrderError.NothingToWithdraw, f.fails(ALICE, new ResourceOrderCall.WithdrawRent(id)));
    }
}
