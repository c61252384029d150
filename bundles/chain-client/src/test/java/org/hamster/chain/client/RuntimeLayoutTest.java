package org.hamster.chain.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.hamster.chain.DispatchError;
import org.hamster.chain.EventRecord;
import org.hamster.chain.EventRecords;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.junit.jupiter.api.Test;

class RuntimeLayoutTest {
    private static final byte[] ACCOUNT = new byte[32];
    private final RuntimeLayout dev = RuntimeLayout.dev();

    private static EventRecord ev(int xt, int pallet, int index, ScaleWriter fields) {
        return new EventRecord(xt < 0 ? EventRecord.Phase.FINALIZATION : EventRecord.Phase.APPLY_EXTRINSIC, xt,
                pallet, index, fields.toByteArray(), List.of());
    }

    private static ScaleWriter info() {
        return new ScaleWriter().compact(123_456).compact(7).u8(0).u8(0);
    }

    @Test
    void splitsEventsOfEveryBasePallet() {
        ScaleWriter failed = new ScaleWriter().u8(3).u8(2).u8(2).u8(0).u8(0).u8(0).bytes(info().toByteArray());
        List<EventRecord> events = List.of(
                ev(0, 2, 2, new ScaleWriter().bytes(ACCOUNT).bytes(ACCOUNT).u128(BigInteger.TEN)),
                ev(0, 3, 0, new ScaleWriter().bytes(ACCOUNT).u128(BigInteger.ONE).u128(BigInteger.ZERO)),
                ev(0, 0, 0, info()),
                ev(1, 4, 0, new ScaleWriter().u8(1).u8(2)), // Sudid(Err(BadOrigin))
                ev(1, 4, 1, new ScaleWriter().u8(1).bytes(ACCOUNT).bytes(ACCOUNT)),
                ev(1, 0, 1, failed),
                ev(2, 0, 5, new ScaleWriter().bytes(ACCOUNT).bytes(new byte[32])),
                ev(-1, 2, 6, new ScaleWriter().bytes(ACCOUNT).bytes(ACCOUNT).u128(BigInteger.ONE).u8(1)),
                ev(-1, 2, 15, new ScaleWriter().u128(BigInteger.ONE)));
        List<EventRecord> decoded = dev.decodeEvents(EventRecords.encode(events));
        assertEquals(events.size(), decoded.size());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(events.get(i).palletIndex(), decoded.get(i).palletIndex());
            assertEquals(events.get(i).eventIndex(), decoded.get(i).eventIndex());
            assertEquals(events.get(i).extrinsicIndex(), decoded.get(i).extrinsicIndex());
            assertArrayEquals(events.get(i).fields(), decoded.get(i).fields());
        }
    }

    @Test
    void unknownPalletOrEventIsAClearError() {
        byte[] raw = EventRecords.encode(List.of(ev(0, 9, 0, new ScaleWriter().u8(1))));
        ScaleException e = assertThrows(ScaleException.class, () -> dev.decodeEvents(raw));
        assertTrue(e.getMessage().contains("#9"), e.getMessage());
        byte[] raw2 = EventRecords.encode(List.of(ev(0, 2, 99, new ScaleWriter())));
        assertThrows(ScaleException.class, () -> dev.decodeEvents(raw2));
    }

    @Test
    void registeredPalletLayoutsAndErrorNames() {
        RuntimeLayout l = dev.withPallet("Custom", 8, (event, r) -> r.u32(), List.of("NotOwner", "InUse"));
        byte[] raw = EventRecords.encode(List.of(ev(0, 8, 0, new ScaleWriter().u32(42)),
                ev(0, 0, 0, info())));
        assertEquals(2, l.decodeEvents(raw).size());
        assertEquals(8, l.index("Custom"));
        assertEquals("Custom", l.name(8).orElseThrow());
        assertEquals("Custom.InUse", l.moduleErrorName(8, 1));
        assertEquals("Custom.Error#5", l.moduleErrorName(8, 5));
        assertEquals("Module#9.Error#0", l.moduleErrorName(9, 0));
        assertEquals(8, l.calls().palletIndex("Custom"));
        assertThrows(IllegalArgumentException.class, () -> dev.withPallet("Other", 2, null, null));
    }

    @Test
    void knownPalletsMovedToOtherIndicesKeepTheirLayouts() {
        RuntimeLayout l = RuntimeLayout.of(Map.of("System", 0, "Provider", 42));
        byte[] raw = EventRecords.encode(List.of(ev(0, 42, 4, new ScaleWriter().u64(7).bytes(ACCOUNT)),
                ev(0, 0, 0, info())));
        assertEquals(2, l.decodeEvents(raw).size());
        assertEquals("Provider.NotOffline", l.moduleErrorName(42, 12));
        assertEquals("Module#5.Error#0", l.moduleErrorName(5, 0));
    }

    @Test
    void decodesDispatchErrors() {
        DispatchError module = dev.decodeDispatchError(new ScaleReader(new byte[] {3, 2, 2, 0, 0, 0}));
        assertEquals(DispatchError.Kind.MODULE, module.kind());
        assertEquals(2, module.palletIndex());
        assertEquals(2, module.detail());
        assertEquals("Balances.InsufficientBalance", module.description());
        assertEquals("Sudo.RequireSudo", dev.decodeDispatchError(new ScaleReader(new byte[] {3, 4, 0, 0, 0, 0}))
                .description());
        assertEquals("Timestamp.TooEarly", dev.decodeDispatchError(new ScaleReader(new byte[] {3, 1, 1, 0, 0, 0}))
                .description());
        assertEquals("System.CallFiltered", dev.moduleErrorName(0, 5));
        assertEquals("BadOrigin", dev.decodeDispatchError(new ScaleReader(new byte[] {2})).description());
        assertEquals("Arithmetic(Overflow)", dev.decodeDispatchError(new ScaleReader(new byte[] {8, 1}))
                .description());
        assertEquals("Token(FundsUnavailable)", dev.decodeDispatchError(new ScaleReader(new byte[] {7, 0}))
                .description());
        assertThrows(ScaleException.class, () -> dev.decodeDispatchError(new ScaleReader(new byte[] {14})));
    }

    @Test
    void dispatchErrorRoundTripsWithChainApiEncoding() {
        for (DispatchError e : List.of(DispatchError.badOrigin(), DispatchError.arithmetic(DispatchError.UNDERFLOW),
                new DispatchError(DispatchError.Kind.MODULE, 2, 3, "x"), DispatchError.other("boom"))) {
            ScaleWriter w = new ScaleWriter();
            e.encode(w);
            DispatchError d = dev.decodeDispatchError(new ScaleReader(w.toByteArray()));
            assertEquals(e.kind(), d.kind());
            assertEquals(e.palletIndex(), d.palletIndex());
            assertEquals(e.detail(), d.detail());
        }
    }

    @Test
    void devIndicesAndValidation() {
        assertEquals(Map.of("System", 0, "Timestamp", 1, "Balances", 2, "TransactionPayment", 3, "Sudo", 4,
                "Provider", 5, "ResourceOrder", 6, "Gateway", 7), dev.palletIndices());
        assertThrows(IllegalArgumentException.class, () -> RuntimeLayout.of(Map.of("A", 1, "B", 1)));
        assertThrows(IllegalArgumentException.class, () -> RuntimeLayout.of(Map.of("A", 256)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dev.index("Treasury"));
        assertTrue(e.getMessage().contains("Treasury"));
        assertTrue(dev.name(8).isEmpty());
        assertEquals("Gateway", dev.name(7).orElseThrow());
    }

    @Test
    void timestampHasNoEvents() {
        byte[] raw = EventRecords.encode(List.of(ev(0, 1, 0, new ScaleWriter())));
        ScaleException e = assertThrows(ScaleException.class, () -> dev.decodeEvents(raw));
        assertTrue(e.getMessage().contains("Timestamp"), e.getMessage());
    }
}
