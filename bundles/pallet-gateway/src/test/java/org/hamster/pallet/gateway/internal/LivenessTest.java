package org.hamster.pallet.gateway.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.pallet.gateway.internal.GatewayFixture.BLOCK;
import static org.hamster.pallet.gateway.internal.GatewayFixture.BOND;
import static org.hamster.pallet.gateway.internal.GatewayFixture.CONSTANTS;
import static org.hamster.pallet.gateway.internal.GatewayFixture.SLOT;
import static org.hamster.pallet.gateway.internal.GatewayFixture.TOLERANCE;
import static org.hamster.pallet.gateway.internal.GatewayFixture.addr;
import static org.hamster.pallet.gateway.internal.GatewayFixture.assertConsistent;
import static org.hamster.pallet.gateway.internal.GatewayFixture.b;
import static org.hamster.pallet.gateway.internal.GatewayFixture.free;
import static org.hamster.pallet.gateway.internal.GatewayFixture.peer;
import static org.hamster.pallet.gateway.internal.GatewayFixture.reserved;
import static org.hamster.pallet.gateway.internal.GatewayFixture.schedule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.pallet.gateway.GatewayCall;
import org.hamster.pallet.gateway.GatewayEvent;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.gateway.RemovalReason;
import org.junit.jupiter.api.Test;

class LivenessTest {
    private final Origin alice = Origin.signed(ALICE);

    private static Origin owner(int n) {
        return Origin.signed(GatewayFixture.FUNDED.get(n % 3));
    }

    private static List<GatewayEvent.GatewayRemoved> removals(List<PalletEvent> events) {
        return events.stream().filter(e -> e instanceof GatewayEvent.GatewayRemoved)
                .map(e -> (GatewayEvent.GatewayRemoved) e).toList();
    }

    /** Opens blocks until one removes something (at most {@code max}); the removals of that block. */
    private static List<GatewayEvent.GatewayRemoved> untilRemoval(PalletHarness h, int max) {
        for (int i = 0; i < max; i++) {
            h.nextBlock();
            List<GatewayEvent.GatewayRemoved> r = removals(h.events());
            assertConsistent(h);
            if (!r.isEmpty()) {
                return r;
            }
        }
        throw new AssertionError("nothing removed in " + max + " blocks");
    }

    @Test
    void aSilentGatewayGoesWithinOneSlotOfItsDeadlineAndPaysThePenalty() throws DispatchException {
        PalletHarness h = GatewayFixture.harness();
        h.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(1)));
        long deadline = h.now() + TOLERANCE;
        List<GatewayEvent.GatewayRemoved> r = untilRemoval(h, 100);
        assertTrue(h.now() > deadline, "not before the deadline");
        assertTrue(h.now() <= deadline + SLOT + BLOCK, "within a slot (and a block) after it: " + (h.now() - deadline));
        assertEquals(List.of(new GatewayEvent.GatewayRemoved(ALICE, peer(1), RemovalReason.Silent, b(100))), r);
        assertEquals(b(0), reserved(h, ALICE));
        assertEquals(b(100_000 - 100), free(h, ALICE));
        assertEquals(b(100), free(h, GatewayStorage.TREASURY), "10 % of the bond to the treasury");
        assertEquals(List.of(), GatewayStorage.bootstrapList(h.state()));
        assertEquals(0L, GatewayStorage.gatewayCount(h.state()));
        assertTrue(schedule(h).isEmpty());
    }

    @Test
    void heartbeatsKeepAGatewayForeverWithOneScheduleEntry() throws DispatchException {
        PalletHarness h = GatewayFixture.harness();
        h.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(1)));
        long lastBeat = h.now();
        for (int i = 0; i < 400; i++) { // 40 minutes, a heartbeat every 60 s
            h.nextBlock();
            assertTrue(removals(h.events()).isEmpty(), "removed at block " + h.blockNumber());
            if (h.now() - lastBeat >= 60_000) {
                h.dispatch(alice, "Gateway", new GatewayCall.Heartbeat(peer(1)));
                lastBeat = h.now();
            }
            assertEquals(1, schedule(h).values().stream().mapToInt(List::size).sum());
        }
        GatewayInfo info = GatewayStorage.GATEWAYS.get(h.state(), peer(1));
        assertTrue(info.nextCheck() * SLOT <= info.lastHeartbeat() + TOLERANCE, "rescheduled lazily, never early");
        assertConsistent(h);
        long deadline = lastBeat + TOLERANCE;
        untilRemoval(h, 100);
        assertTrue(h.now() > deadline && h.now() <= deadline + SLOT + BLOCK, "removed on time after the last beat");
    }

    @Test
    void aLateButTimelyHeartbeatIsRescheduledNotRemoved() throws DispatchException {
        PalletHarness h = GatewayFixture.harness();
        h.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(1)));
        long registered = h.now();
        long firstSlot = GatewayStorage.GATEWAYS.get(h.state(), peer(1)).nextCheck();
        while (h.now() + BLOCK <= registered + TOLERANCE) {
            h.nextBlock();
        }
        h.dispatch(alice, "Gateway", new GatewayCall.Heartbeat(peer(1))); // just before the deadline
        long beat = h.now();
        while ((h.now() / SLOT) <= firstSlot) {
            h.nextBlock();
            assertTrue(removals(h.events()).isEmpty());
        }
        GatewayInfo info = GatewayStorage.GATEWAYS.get(h.state(), peer(1));
        assertEquals((beat + TOLERANCE) / SLOT, info.nextCheck(), "moved to the slot of the new deadline");
        assertEquals(List.of(peer(1)), GatewayStorage.LIVENESS_SCHEDULE.get(h.state(), info.nextCheck()));
        assertNull(GatewayStorage.LIVENESS_SCHEDULE.get(h.state(), firstSlot));
        assertConsistent(h);
    }

    @Test
    void manyGatewaysDueInOneSlotAreRemovedABoundedNumberPerBlock() throws DispatchException {
        PalletHarness h = GatewayFixture.harness(CONSTANTS.replace("\"maxRemovalsPerBlock\": 20",
                "\"maxRemovalsPerBlock\": 3").replace("\"maxChecksPerBlock\": 200", "\"maxChecksPerBlock\": 5"), BLOCK);
        for (int n = 1; n <= 8; n++) {
            h.dispatch(Origin.signed(n % 2 == 0 ? BOB : ALICE), "Gateway", new GatewayCall.RegisterGateway(addr(n)));
        }
        assertEquals(1, schedule(h).size(), "all in one slot");
        List<Integer> perBlock = new ArrayList<>();
        perBlock.add(untilRemoval(h, 100).size());
        while (GatewayStorage.gatewayCount(h.state()) > 0) {
            h.nextBlock();
            perBlock.add(removals(h.events()).size());
            assertConsistent(h);
        }
        assertEquals(List.of(3, 3, 2), perBlock);
        assertEquals(b(0), reserved(h, ALICE));
        assertEquals(b(0), reserved(h, BOB));
        assertEquals(b(8 * BOND / 10), free(h, GatewayStorage.TREASURY));
    }

    @Test
    void reschedulesCountAgainstTheCheckBound() throws DispatchException {
        PalletHarness h = GatewayFixture.harness(CONSTANTS.replace("\"maxRemovalsPerBlock\": 20",
                "\"maxRemovalsPerBlock\": 2").replace("\"maxChecksPerBlock\": 200", "\"maxChecksPerBlock\": 4"), BLOCK);
        for (int n = 1; n <= 10; n++) {
            h.dispatch(owner(n), "Gateway", new GatewayCall.RegisterGateway(addr(n)));
        }
        long registered = h.now();
        long slot = GatewayStorage.GATEWAYS.get(h.state(), peer(1)).nextCheck();
        while (h.now() < registered + SLOT) {
            h.nextBlock();
        }
        for (int n = 1; n <= 10; n++) { // each deadline moves at least one slot later
            h.dispatch(owner(n), "Gateway", new GatewayCall.Heartbeat(peer(n)));
        }
        List<Integer> left = new ArrayList<>(List.of(10));
        while (GatewayStorage.LIVENESS_SCHEDULE.get(h.state(), slot) != null) {
            h.nextBlock();
            int n = GatewayStorage.LIVENESS_SCHEDULE.getOr(h.state(), slot, List.of()).size();
            if (n != left.get(left.size() - 1)) {
                left.add(n);
            }
            assertConsistent(h);
        }
        assertEquals(List.of(10, 6, 2, 0), left, "4 checks per block");
        assertEquals(10L, GatewayStorage.gatewayCount(h.state()), "all heartbeated: none removed");
    }

    @Test
    void anIdleChainCatchesUpInOneBlock() throws DispatchException {
        // blocks a day apart (instant seal on a quiet dev chain): thousands of empty slots in between
        PalletHarness h = GatewayFixture.harness(CONSTANTS, 86_400_000L);
        h.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(1)));
        h.dispatch(Origin.signed(BOB), "Gateway", new GatewayCall.RegisterGateway(addr(2)));
        h.nextBlock();
        assertEquals(2, removals(h.events()).size());
        assertConsistent(h);
        h.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(3)));
        h.nextBlock();
        assertEquals(1, removals(h.events()).size());
    }

    @Test
    void aScheduleEntryWithoutItsGatewayIsSkipped() throws DispatchException {
        PalletHarness h = GatewayFixture.harness();
        h.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(1)));
        h.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(2)));
        h.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(3)));
        long slot = GatewayStorage.GATEWAYS.get(h.state(), peer(1)).nextCheck();
        // corrupt the state: an entry whose gateway is gone, one pointing elsewhere, one duplicate, one empty slot
        GatewayStorage.GATEWAYS.remove(h.state(), peer(1));
        GatewayInfo g2 = GatewayStorage.GATEWAYS.get(h.state(), peer(2));
        GatewayStorage.GATEWAYS.put(h.state(), peer(2), g2.withNextCheck(slot + 1000));
        GatewayStorage.LIVENESS_SCHEDULE.put(h.state(), slot, List.of(peer(1), peer(2), peer(3), peer(3), "junk"));
        GatewayStorage.LIVENESS_SCHEDULE.put(h.state(), slot - 1, List.of());
        List<GatewayEvent.GatewayRemoved> r = new ArrayList<>();
        for (int i = 0; i < 60 && GatewayStorage.LIVENESS_SCHEDULE.get(h.state(), slot) != null; i++) {
            h.nextBlock();
            r.addAll(removals(h.events()));
        }
        assertEquals(List.of(new GatewayEvent.GatewayRemoved(ALICE, peer(3), RemovalReason.Silent, b(100))), r,
                "only the consistent entry acts; the others are skipped");
        assertNull(GatewayStorage.LIVENESS_SCHEDULE.get(h.state(), slot - 1));
        assertNotNull(GatewayStorage.GATEWAYS.get(h.state(), peer(2)), "its real check is elsewhere");
    }
}
