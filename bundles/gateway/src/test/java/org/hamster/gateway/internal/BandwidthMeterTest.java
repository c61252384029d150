package org.hamster.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.hamster.gateway.Bandwidth;
import org.hamster.p2p.Identity;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.RelayStatus;
import org.hamster.p2p.Traffic;
import org.junit.jupiter.api.Test;

class BandwidthMeterTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final PeerId A = Identity.generate().peerId();
    private static final PeerId B = Identity.generate().peerId();

    private static RelayStatus.Circuit circuit(long id, long toTarget, long toSource) {
        return new RelayStatus.Circuit(id, A, B, T0, toTarget, toSource);
    }

    @Test
    void ratesAreDeltasOverTheInterval() {
        BandwidthMeter m = new BandwidthMeter(10);
        m.sample(T0, new Traffic(1_000, 5_000), List.of());
        Bandwidth first = m.report(new Traffic(1_000, 5_000), 0);
        assertEquals(0, first.rateIn()); // the first sample is only the baseline
        assertEquals(List.of(), first.history());
        m.sample(T0.plusMillis(500), new Traffic(2_000, 5_000), List.of());
        Bandwidth b = m.report(new Traffic(2_000, 5_000), 7);
        assertEquals(2_000, b.rateIn()); // 1,000 bytes in half a second
        assertEquals(0, b.rateOut());
        assertEquals(2_000, b.totalIn());
        assertEquals(5_000, b.totalOut());
        assertEquals(7, b.relayedTotal());
        assertEquals(List.of(new Bandwidth.Sample(T0.plusMillis(500), 2_000, 0)), b.history());
    }

    @Test
    void historyKeepsTheLastSamplesOnly() {
        BandwidthMeter m = new BandwidthMeter(3);
        for (int i = 0; i <= 5; i++) {
            m.sample(T0.plusSeconds(i), new Traffic(i * 100L, i * 10L), List.of());
        }
        List<Bandwidth.Sample> h = m.report(Traffic.NONE, 0).history();
        assertEquals(3, h.size());
        assertEquals(T0.plusSeconds(3), h.get(0).time());
        assertEquals(T0.plusSeconds(5), h.get(2).time());
        assertEquals(100, h.get(2).rateIn());
        assertEquals(10, h.get(2).rateOut());
    }

    @Test
    void circuitRatesFollowEachCircuit() {
        BandwidthMeter m = new BandwidthMeter(5);
        m.sample(T0, Traffic.NONE, List.of(circuit(1, 100, 0)));
        m.sample(T0.plusSeconds(2), Traffic.NONE, List.of(circuit(1, 4_100, 600), circuit(2, 50, 50)));
        assertArrayEquals(new long[] {2_000, 300}, m.circuitRate(1));
        assertArrayEquals(new long[] {25, 25}, m.circuitRate(2)); // new since the last sample: counted from zero
        m.sample(T0.plusSeconds(3), Traffic.NONE, List.of(circuit(2, 50, 50)));
        assertArrayEquals(new long[] {0, 0}, m.circuitRate(1)); // ended
        assertArrayEquals(new long[] {0, 0}, m.circuitRate(2));
    }

    @Test
    void aClockThatDoesNotMoveChangesNothing() {
        BandwidthMeter m = new BandwidthMeter(5);
        m.sample(T0, Traffic.NONE, List.of());
        m.sample(T0.plusSeconds(1), new Traffic(1_000, 0), List.of());
        m.sample(T0.plusSeconds(1), new Traffic(9_000, 0), List.of());
        m.sample(T0, new Traffic(9_000, 0), List.of());
        Bandwidth b = m.report(Traffic.NONE, 0);
        assertEquals(1_000, b.rateIn());
        assertEquals(1, b.history().size());
    }

    @Test
    void historyNeedsRoom() {
        assertThrows(IllegalArgumentException.class, () -> new BandwidthMeter(0));
    }
}
