package org.hamster.pallet.timestamp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.common.Hex;
import org.hamster.pallet.system.internal.SystemPallet;
import org.hamster.pallet.timestamp.TimestampCall;
import org.hamster.pallet.timestamp.TimestampError;
import org.hamster.pallet.timestamp.TimestampStorage;
import org.junit.jupiter.api.Test;

class TimestampPalletTest {
    private static final long T0 = 1_700_000_000_000L;
    private final TimestampPallet pallet = new TimestampPallet();
    private final PalletHarness h = PalletHarness.builder().pallet(0, new SystemPallet()).pallet(1, pallet)
            .constants("Timestamp", "{\"minimumPeriod\": \"3000\"}").genesisTime(T0).autoTimestamp(false).build();

    private void set(long now) throws DispatchException {
        h.dispatch(Origin.NONE, "Timestamp", new TimestampCall.Set(now));
    }

    @Test
    void storageKeysAreSubstrates() {
        assertEquals("0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb",
                Hex.encode(TimestampStorage.NOW.key()));
    }

    @Test
    void callEncodingIsSubstrates() {
        assertArrayEquals(Hex.decode("0x01000b00806e877401"), h.encodeCall("Timestamp",
                new TimestampCall.Set(1_600_000_000_000L)));
    }

    @Test
    void genesisStoresTheGenesisTime() {
        assertEquals(T0, TimestampStorage.NOW.get(h.state()));
        assertEquals(3000, pallet.minimumPeriod());
    }

    @Test
    void setStoresTheTimeAndFinalizeClearsTheFlag() throws DispatchException {
        set(T0 + 6000);
        assertEquals(T0 + 6000, TimestampStorage.NOW.get(h.state()));
        assertEquals(Boolean.TRUE, TimestampStorage.DID_UPDATE.get(h.state()));
        assertTrue(h.events().isEmpty());
        h.nextBlock();
        assertNull(TimestampStorage.DID_UPDATE.get(h.state()));
        assertEquals(T0 + 6000, TimestampStorage.NOW.get(h.state()));
    }

    @Test
    void exactlyTheMinimumPeriodIsEnough() throws DispatchException {
        set(T0 + 3000);
        assertEquals(T0 + 3000, TimestampStorage.NOW.get(h.state()));
    }

    @Test
    void secondSetInABlockIsRefused() throws DispatchException {
        set(T0 + 6000);
        DispatchException e = h.assertNoop(Origin.NONE, "Timestamp", new TimestampCall.Set(T0 + 12000));
        assertSame(TimestampError.AlreadySet, e.moduleError());
    }

    @Test
    void lessThanTheMinimumPeriodIsRefused() {
        DispatchException e = h.assertNoop(Origin.NONE, "Timestamp", new TimestampCall.Set(T0 + 2999));
        assertSame(TimestampError.TooEarly, e.moduleError());
        DispatchError err = h.errorOf(e);
        assertEquals(1, err.palletIndex());
        assertEquals(1, err.detail());
    }

    @Test
    void goingBackInTimeIsRefused() {
        DispatchException e = h.assertNoop(Origin.NONE, "Timestamp", new TimestampCall.Set(T0 - 1));
        assertSame(TimestampError.TooEarly, e.moduleError());
    }

    @Test
    void onlyAnInherentMaySetTheTime() {
        for (Origin o : new Origin[] {Origin.ROOT, Origin.signed(TestAccounts.ALICE)}) {
            DispatchException e = h.assertNoop(o, "Timestamp", new TimestampCall.Set(T0 + 6000));
            assertEquals(DispatchError.Kind.BAD_ORIGIN, e.systemError().kind());
        }
    }

    @Test
    void aBlockWithoutTheInherentCannotBeFinalized() {
        IllegalStateException e = assertThrows(IllegalStateException.class, h::nextBlock);
        assertTrue(e.getMessage().contains("Timestamp must be updated once in the block"), e.getMessage());
    }

    @Test
    void theFirstBlockAfterAZeroGenesisMaySetAnyTime() throws DispatchException {
        PalletHarness zero = PalletHarness.builder().pallet(1, new TimestampPallet())
                .constants("Timestamp", "{\"minimumPeriod\": 3000}").autoTimestamp(false).build();
        zero.dispatch(Origin.NONE, "Timestamp", new TimestampCall.Set(5));
        assertEquals(5L, TimestampStorage.NOW.get(zero.state()));
    }

    @Test
    void theHarnessInherentAdvancesTheTimeEveryBlock() {
        PalletHarness auto = PalletHarness.builder().pallet(1, new TimestampPallet()).genesisTime(T0).build();
        assertEquals(T0 + 6000, TimestampStorage.NOW.get(auto.state()));
        auto.nextBlock();
        auto.nextBlock();
        assertEquals(T0 + 18000, TimestampStorage.NOW.get(auto.state()));
        assertEquals(auto.now(), TimestampStorage.NOW.get(auto.state()));
    }

    @Test
    void constantsAreValidated() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TimestampPallet p = new TimestampPallet();
        p.configure(json.readTree("{}"));
        assertEquals(1, p.minimumPeriod());
        assertThrows(IllegalArgumentException.class, () -> p.configure(json.readTree("{\"minimumPeriod\": -1}")));
        assertThrows(IllegalArgumentException.class, () -> p.configure(json.readTree("{\"minimumPeriod\": \"x\"}")));
    }

    @Test
    void unknownCallsAndEventsAreMalformed() {
        assertThrows(ScaleException.class, () -> pallet.decodeCall(1, new ScaleReader(new byte[] {0}), null));
        assertThrows(ScaleException.class, () -> pallet.skipEventFields(0, new ScaleReader(new byte[0])));
    }
}
