package org.hamster.p2p;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of the circuit relay hop service of a {@link Host}: who holds a reservation, which circuits are open
 * and how much they carried, and totals since the relay started.
 *
 * @param reservations reservations held now
 * @param circuits circuits open now
 * @param circuitsServed circuits opened since the start, including the open ones
 * @param bytesRelayed bytes carried by all circuits since the start, both directions
 */
public record RelayStatus(List<Reservation> reservations, List<Circuit> circuits, long circuitsServed,
        long bytesRelayed) {
    public RelayStatus {
        reservations = List.copyOf(reservations);
        circuits = List.copyOf(circuits);
    }

    /** A peer reachable through this relay at {@code /p2p/<relay>/p2p-circuit/p2p/<peer>} until {@code expiry}. */
    public record Reservation(PeerId peer, Multiaddr from, Instant expiry) {
    }

    /**
     * An open relayed connection from {@code source} (who dialed) to {@code target} (who reserved).
     *
     * @param id unique within this relay
     * @param bytesToTarget bytes forwarded from source to target so far
     * @param bytesToSource bytes forwarded from target to source so far
     */
    public record Circuit(long id, PeerId source, PeerId target, Instant opened, long bytesToTarget,
            long bytesToSource) {
    }
}
