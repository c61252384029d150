package org.hamster.gateway;

import java.time.Instant;

/**
 * One relayed circuit: {@code source} dialed {@code target} through this gateway.
 *
 * @param bytesToTarget bytes carried from source to target
 * @param bytesToSource bytes carried from target to source
 * @param rateToTarget bytes per second from source to target over the last second
 * @param rateToSource bytes per second from target to source over the last second
 */
public record CircuitView(long id, String source, String target, Instant opened, long bytesToTarget,
        long bytesToSource, long rateToTarget, long rateToSource) {
}
