package org.hamster.chain.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hamster.chain.DispatchError;
import org.hamster.chain.EventRecord;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.codec.ScaleWriter;
import org.junit.jupiter.api.Test;

class PalletHarnessTest {
    private final CounterPallet counter = new CounterPallet();
    private final PalletHarness h = PalletHarness.builder().pallet(5, counter).constants("Counter", "{\"limit\": 7}")
            .genesis("Counter", "{\"start\": 2}").genesisTime(1000).blockTime(500).build();
    private final Origin alice = Origin.signed(TestAccounts.ALICE);

    @Test
    void appliesConstantsAndGenesisThenOpensBlockOne() {
        assertEquals(7, counter.limit);
        assertEquals(2L, CounterPallet.COUNT.get(h.state()));
        assertEquals(1, h.blockNumber());
        assertEquals(1500, h.now());
        assertSame(counter, h.service(CounterPallet.class));
        assertEquals(5, h.palletIndex("Counter"));
    }

    @Test
    void dispatchWritesStateAndRecordsEvents() throws DispatchException {
        h.dispatch(alice, "Counter", new CounterPallet.Inc(3));
        assertEquals(5L, CounterPallet.COUNT.get(h.state()));
        assertEquals(List.of(new CounterPallet.Incremented(3)), h.events());
        EventRecord r = h.eventRecords().get(0);
        assertEquals(EventRecord.Phase.APPLY_EXTRINSIC, r.phase());
        assertEquals(0, r.extrinsicIndex());
        assertEquals(5, r.palletIndex());
        assertArrayEquals(new ScaleWriter().u32(3).toByteArray(), r.fields());
    }

    @Test
    void failedDispatchChangesNothing() {
        DispatchException e = h.assertNoop(alice, "Counter", new CounterPallet.Inc(6));
        assertSame(CounterPallet.CounterError.TooHigh, e.moduleError());
        DispatchError err = h.errorOf(e);
        assertEquals(DispatchError.Kind.MODULE, err.kind());
        assertEquals(5, err.palletIndex());
        assertEquals(0, err.detail());
    }

    @Test
    void assertNoopRejectsASuccess() {
        assertThrows(AssertionError.class, () -> h.assertNoop(alice, "Counter", new CounterPallet.Inc(1)));
    }

    @Test
    void nestedFailureIsRolledBackAlone() throws DispatchException {
        byte[] inner = h.encodeCall("Counter", new CounterPallet.Inc(100));
        h.dispatch(alice, "Counter", new CounterPallet.AsRoot(inner));
        assertEquals(2L, CounterPallet.COUNT.get(h.state()));
        assertEquals(List.of(new CounterPallet.Incremented(0)), h.events());
    }

    @Test
    void nextBlockFinalizesCommitsAndAdvancesTime() throws DispatchException {
        h.dispatch(alice, "Counter", new CounterPallet.Inc(1));
        List<?> finished = h.nextBlock();
        assertEquals(List.of(new CounterPallet.Incremented(1)), finished);
        assertTrue(h.events().isEmpty());
        assertEquals(2, h.blockNumber());
        assertEquals(2000, h.now());
        assertEquals(1L, CounterPallet.FINALIZED.get(h.state()));
        assertEquals(3L, CounterPallet.COUNT.get(h.state()));
    }

    @Test
    void undecodableCallsFailAsDispatchErrors() {
        DispatchException e = assertThrows(DispatchException.class, () -> h.dispatch(alice, new byte[] {5, 9}));
        assertEquals(DispatchError.Kind.OTHER, e.systemError().kind());
        assertThrows(DispatchException.class, () -> h.dispatch(alice, new byte[] {6, 0, 0, 0, 0, 0}));
    }

    @Test
    void deepNestingIsRefused() {
        byte[] call = h.encodeCall("Counter", new CounterPallet.Inc(1));
        for (int i = 0; i < Modules.MAX_DEPTH + 1; i++) {
            call = h.encodeCall("Counter", new CounterPallet.AsRoot(call));
        }
        byte[] deep = call;
        DispatchException e = assertThrows(DispatchException.class, () -> h.dispatch(alice, deep));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }

    @Test
    void aFailingHookFailsTheTestAndIsRolledBack() {
        counter.failFinalize = true;
        IllegalStateException e = assertThrows(IllegalStateException.class, h::nextBlock);
        assertTrue(e.getMessage().contains("Counter.on_finalize"), e.getMessage());
        assertEquals(null, CounterPallet.FINALIZED.get(h.state()));
    }

    @Test
    void snapshotSeesCommittedAndPendingState() throws DispatchException {
        int before = h.snapshot().size();
        h.dispatch(alice, "Counter", new CounterPallet.Inc(1));
        h.nextBlock();
        assertEquals(before + 1, h.snapshot().size(), "Finalized was added");
    }
}
