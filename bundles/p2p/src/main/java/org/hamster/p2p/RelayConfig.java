package org.hamster.p2p;

import java.time.Duration;

/**
 * Settings of the circuit relay v2 hop service ({@code /libp2p/circuit/relay/0.2.0/hop}) a {@link Host} runs when
 * {@link HostConfig#relay()} is set. The defaults let relayed SSH sessions live for an hour.
 *
 * @param maxReservations reservations held at once by all peers; further RESERVE requests are refused
 * @param maxReservationsPerIp reservations held at once by peers connected from one IP address (each peer
 *     holds at most one: a RESERVE from a peer that has one refreshes it)
 * @param reservationTtl how long a reservation lasts; clients refresh it before it expires
 * @param maxCircuits relayed connections open at once through this relay
 * @param maxCircuitsPerPeer relayed connections open at once to or from one peer
 * @param circuitDuration a relayed connection is reset after this long
 * @param circuitData bytes each direction of a relayed connection may carry before it is reset
 */
public record RelayConfig(int maxReservations, int maxReservationsPerIp, Duration reservationTtl, int maxCircuits, int maxCircuitsPerPeer,
        Duration circuitDuration, long circuitData) {
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    public RelayConfig {
        if (maxReservations < 1 || maxReservationsPerIp < 1 || maxCircuits < 1 || maxCircuitsPerPeer < 1 || circuitData < 1) {
            throw new IllegalArgumentException("relay limits must be >= 1");
        }
        if (reservationTtl == null || reservationTtl.toSeconds() < 1 || circuitDuration == null
                || circuitDuration.toSeconds() < 1) {
            throw new IllegalArgumentException("reservationTtl and circuitDuration must be at least a second");
        }
    }

    /** 128 reservations (16 per IP) of an hour, 64 circuits (8 per peer) of an hour and 64 GiB each way. */
    public static RelayConfig defaults() {
        return new RelayConfig(128, 16, DEFAULT_TTL, 64, 8, Duration.ofHours(1), 64L << 30);
    }

    public RelayConfig withMaxReservations(int v) {
        return new RelayConfig(v, maxReservationsPerIp, reservationTtl, maxCircuits, maxCircuitsPerPeer, circuitDuration, circuitData);
    }

    public RelayConfig withMaxReservationsPerIp(int v) {
        return new RelayConfig(maxReservations, v, reservationTtl, maxCircuits, maxCircuitsPerPeer, circuitDuration,
                circuitData);
    }

    public RelayConfig withReservationTtl(Duration v) {
        return new RelayConfig(maxReservations, maxReservationsPerIp, v, maxCircuits, maxCircuitsPerPeer, circuitDuration, circuitData);
    }

    public RelayConfig withCircuits(int total, int perPeer) {
        return new RelayConfig(maxReservations, maxReservationsPerIp, reservationTtl, total, perPeer, circuitDuration, circuitData);
    }

    public RelayConfig withCircuitLimit(Duration duration, long data) {
        return new RelayConfig(maxReservations, maxReservationsPerIp, reservationTtl, maxCircuits, maxCircuitsPerPeer,
                duration, data);
    }
}
