package org.hamster.pallet.resourceorder.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.chain.testkit.TestAccounts.CHARLIE;
import static org.hamster.chain.testkit.TestAccounts.DAVE;
import static org.hamster.chain.testkit.TestAccounts.EVE;
import static org.hamster.chain.testkit.TestAccounts.FERDIE;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.ED;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.FUNDS;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.GRACE;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.RETENTION;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.TOLERANCE;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ResourceOrderStorage.AccountIndex;
import org.hamster.pallet.resourceorder.ScheduledTask;
import org.hamster.pallet.resourceorder.ScheduledTask.Kind;
import org.junit.jupiter.api.Test;

/** Leases ending together, the per-block bound, purges, and schedule entries whose item is gone. */
class ScheduleTest {
    /** Health checks never come before the end of these one-hour leases (grace of 10 min). */
    private static final String NO_HEALTH = "{\"slotMs\": 6000, \"orderTimeout\": 30000, \"heartbeatTolerance\":"
            + " 24000, \"graceAllowance\": 600000, \"historyRetention\": 120000, \"maxScheduledPerBlock\": %d}";
    private static final AccountId[] TENANTS = {BOB, DAVE, EVE, FERDIE};

    private static MarketFixture market(int perBlock) {
        return new MarketFixture(String.format(NO_HEALTH, perBlock), ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE);
    }

    /** Four one-hour leases of Alice, all executed in block 1, so all end in the same slot. */
    private static List<Long> fourLeases(MarketFixture f) throws DispatchException {
        f.pledge(ALICE, 10_000);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < TENANTS.length; i++) {
            long r = f.register(ALICE, 100 + i, 10);
            ids.add(f.exec(ALICE, f.order(TENANTS[i], r, 1)));
        }
        return ids;
    }

    private static long finished(List<PalletEvent> events) {
        return events.stream().filter(e -> e instanceof ResourceOrderEvent.AgreementFinished).count();
    }

    @Test
    void everyLeaseEndingInTheSameSlotFinishesThere() throws DispatchException {
        MarketFixture f = market(100);
        List<Long> ids = fourLeases(f);
        long end = f.agreement(ids.get(0)).end();
        ids.forEach(id -> assertEquals(end, f.agreement(id).end()));
        f.advanceTo(end);
        assertEquals(4, finished(f.h.events()));
        for (long id : ids) {
            assertEquals(AgreementStatus.FINISHED, f.agreement(id).status());
            assertEquals(ResourceStatus.UNUSED, f.resource(f.agreement(id).resource()).status());
        }
        assertEquals(FUNDS.subtract(b(10_000)).add(b(100 + 101 + 102 + 103)), f.free(ALICE));
        assertEquals(new PledgeInfo(b(10_000), b(0)), f.pledgeOf(ALICE));
        assertEquals(ED, f.escrow());
    }

    @Test
    void atMostMaxScheduledPerBlockTasksRunInABlockAndTheRestFollow() throws DispatchException {
        MarketFixture f = market(3);
        List<Long> ids = fourLeases(f);
        long end = f.agreement(ids.get(0)).end();
        f.advanceTo(end);
        assertEquals(3, finished(f.h.events()));
        f.h.nextBlock();
        assertEquals(1, finished(f.h.events()));
        for (long id : ids) {
            assertEquals(AgreementStatus.FINISHED, f.agreement(id).status());
            assertEquals(end, f.agreement(id).lastSettled(), "a late expiry still settles at the lease's end");
        }
        assertEquals(ED, f.escrow());
    }

    @Test
    void punishmentsDueTogetherAreAllApplied() throws DispatchException {
        MarketFixture f = new MarketFixture(2);
        f.pledge(ALICE, 10_000);
        List<Long> ids = new ArrayList<>();
        for (AccountId tenant : new AccountId[] {BOB, DAVE, EVE}) {
            ids.add(f.exec(ALICE, f.order(tenant, f.register(ALICE, 100, 10), 2)));
        }
        long due = f.agreement(ids.get(0)).start() + GRACE + TOLERANCE + 1;
        f.advanceTo(due);
        f.h.nextBlock();
        for (long id : ids) {
            assertEquals(AgreementStatus.PUNISHED, f.agreement(id).status());
        }
        assertEquals(b(400), f.refundOf(BOB));
        assertEquals(b(400), f.refundOf(EVE));
        assertEquals(new PledgeInfo(b(9_400), b(0)), f.pledgeOf(ALICE));
        assertEquals(3, f.provider.statistics(f.h.state(), ALICE).faults());
    }

    @Test
    void closedAgreementsArePurgedOnceTheirRentIsPaid() throws DispatchException {
        MarketFixture f = new MarketFixture();
        f.pledge(ALICE, 10_000);
        long paid = f.exec(ALICE, f.order(BOB, f.register(ALICE, 100, 10), 2));
        long unpaid = f.exec(ALICE, f.order(DAVE, f.register(ALICE, 100, 10), 2));
        f.advanceTo(f.h.now() + 12_000);
        f.call(ALICE, new ResourceOrderCall.Heartbeat(paid));
        f.call(ALICE, new ResourceOrderCall.Heartbeat(unpaid));
        f.call(ALICE, new ResourceOrderCall.WithdrawRent(paid));
        long punishedAt = f.agreement(paid).lastHeartbeat() + TOLERANCE + 1;
        f.advanceTo(punishedAt);
        long closed = f.agreement(paid).closedAt();
        assertEquals(AgreementStatus.PUNISHED, f.agreement(unpaid).status());
        f.advanceTo(closed + RETENTION);
        assertNull(f.agreement(paid));
        assertFalse(ResourceOrderStorage.TENANT_AGREEMENTS.contains(f.h.state(), new AccountIndex(BOB, paid)));
        assertFalse(ResourceOrderStorage.PROVIDER_AGREEMENTS.contains(f.h.state(), new AccountIndex(ALICE, paid)));
        assertTrue(f.h.events().contains(new ResourceOrderEvent.AgreementRemoved(paid)));
        assertNotNull(f.agreement(unpaid), "rent left to withdraw keeps the agreement");
        f.call(ALICE, new ResourceOrderCall.WithdrawRent(unpaid));
        assertNull(f.agreement(unpaid));
        assertEquals(new ResourceOrderEvent.AgreementRemoved(unpaid), f.h.lastEvent());
    }

    @Test
    void tasksWhoseItemIsGoneAreSkipped() throws DispatchException {
        MarketFixture f = new MarketFixture();
        for (Kind kind : Kind.values()) {
            ResourceOrderStorage.SCHEDULE.put(f.h.state(), new ScheduledTask(2, kind, 99), new byte[0]);
        }
        f.h.nextBlock();
        f.h.nextBlock();
        assertTrue(ResourceOrderStorage.SCHEDULE.page(f.h.state(), null, 10).isEmpty());
        assertEquals(0, f.pallet.scheduleFailures());
    }

    @Test
    void staleTasksOfLiveItemsAreIgnoredOrMoved() throws DispatchException {
        MarketFixture f = new MarketFixture();
        f.pledge(ALICE, 10_000);
        long executed = f.order(BOB, f.register(ALICE, 100, 10), 2);
        long id = f.exec(ALICE, executed);
        long pending = f.order(DAVE, f.register(ALICE, 100, 10), 2);
        // leftovers such as a changed slotMs could leave behind, due now for items that are not due
        long slot = f.h.now() / 6000;
        for (ScheduledTask t : List.of(new ScheduledTask(slot, Kind.ORDER_TIMEOUT, executed),
                new ScheduledTask(slot, Kind.ORDER_TIMEOUT, pending),
                new ScheduledTask(slot, Kind.PURGE_ORDER, pending),
                new ScheduledTask(slot, Kind.HEALTH_CHECK, id), new ScheduledTask(slot, Kind.AGREEMENT_END, id),
                new ScheduledTask(slot, Kind.PURGE_AGREEMENT, id))) {
            ResourceOrderStorage.SCHEDULE.put(f.h.state(), t, new byte[0]);
        }
        f.h.nextBlock();
        assertEquals(AgreementStatus.USING, f.agreement(id).status());
        assertEquals(org.hamster.pallet.resourceorder.OrderStatus.PENDING, f.order(pending).status());
        assertNotNull(f.order(executed));
        assertTrue(ResourceOrderStorage.SCHEDULE.contains(f.h.state(), new ScheduledTask(
                f.agreement(id).end() / 6000, Kind.AGREEMENT_END, id)));
        assertEquals(0, f.pallet.scheduleFailures());
        f.call(ALICE, new ResourceOrderCall.Heartbeat(id));
        assertEquals(ResourceStatus.INUSE, f.resource(f.agreement(id).resource()).status());
    }
}
