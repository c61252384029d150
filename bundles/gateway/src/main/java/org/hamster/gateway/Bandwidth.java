package org.hamster.gateway;

import java.time.Instant;
import java.util.List;

/**
 * The gateway's traffic on all its TCP connections (relayed bytes included, counted where they enter and leave).
 *
 * @param totalIn bytes received since start
 * @param totalOut bytes sent since start
 * @param rateIn bytes per second received over the last second
 * @param rateOut bytes per second sent over the last second
 * @param relayedTotal bytes carried by circuits since start (both directions)
 * @param history one sample per second, oldest first, for charts
 */
public record Bandwidth(long totalIn, long totalOut, long rateIn, long rateOut, long relayedTotal,
        List<Sample> history) {
    public Bandwidth {
        history = List.copyOf(history);
    }

    /** Rates over the second ending at {@code time}. */
    public record Sample(Instant time, long rateIn, long rateOut) {
    }
}
