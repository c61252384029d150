package org.hamster.gateway.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamster.gateway.Bandwidth;
import org.hamster.p2p.RelayStatus;
import org.hamster.p2p.Traffic;

/**
 * Turns byte counters into rates: called about once a second with the host's totals and the open circuits, it
 * keeps the rates over the last interval (per direction, overall and per circuit) and a bounded per-second history.
 * Thread-safe.
 */
final class BandwidthMeter {
    private final int historySize;
    private final ArrayDeque<Bandwidth.Sample> history = new ArrayDeque<>();
    private Instant lastTime;
    private Traffic last = Traffic.NONE;
    private long rateIn;
    private long rateOut;
    private Map<Long, long[]> lastCircuits = new HashMap<>();
    private Map<Long, long[]> circuitRates = new HashMap<>();

    BandwidthMeter(int historySize) {
        if (historySize < 1) {
            throw new IllegalArgumentException("bandwidth history needs at least one sample, got " + historySize);
        }
        this.historySize = historySize;
    }

    synchronized void sample(Instant now, Traffic total, List<RelayStatus.Circuit> circuits) {
        if (lastTime == null) { // the first call only sets the baseline
            lastTime = now;
            last = total;
            lastCircuits = counters(circuits);
            return;
        }
        long ms = Duration.between(lastTime, now).toMillis();
        if (ms <= 0) {
            return;
        }
        rateIn = perSecond(total.bytesIn() - last.bytesIn(), ms);
        rateOut = perSecond(total.bytesOut() - last.bytesOut(), ms);
        Map<Long, long[]> now2 = counters(circuits);
        Map<Long, long[]> rates = new HashMap<>();
        now2.forEach((id, c) -> {
            long[] before = lastCircuits.getOrDefault(id, new long[2]);
            rates.put(id, new long[] {perSecond(c[0] - before[0], ms), perSecond(c[1] - before[1], ms)});
        });
        circuitRates = rates;
        lastCircuits = now2;
        lastTime = now;
        last = total;
        history.addLast(new Bandwidth.Sample(now, rateIn, rateOut));
        while (history.size() > historySize) {
            history.removeFirst();
        }
    }

    synchronized Bandwidth report(Traffic total, long relayedTotal) {
        return new Bandwidth(total.bytesIn(), total.bytesOut(), rateIn, rateOut, relayedTotal, List.copyOf(history));
    }

    /** Bytes per second {toTarget, toSource} of a circuit over the last interval; zeros if not sampled yet. */
    synchronized long[] circuitRate(long id) {
        return circuitRates.getOrDefault(id, new long[2]).clone();
    }

    private static Map<Long, long[]> counters(List<RelayStatus.Circuit> circuits) {
        Map<Long, long[]> m = new HashMap<>();
        for (RelayStatus.Circuit c : circuits) {
            m.put(c.id(), new long[] {c.bytesToTarget(), c.bytesToSource()});
        }
        return m;
    }

    private static long perSecond(long bytes, long ms) {
        return Math.max(0, bytes) * 1000 / ms;
    }
}
