package org.hamster.gateway;

import java.time.Instant;
import java.util.List;

/**
 * What a gateway is and how its on-chain registration stands.
 *
 * @param peerId the libp2p peer id (the gateway's identity key, persisted)
 * @param listenAddresses where it accepts connections
 * @param publicAddress the multiaddr it registers on chain, ending in {@code /p2p/<peerId>}
 * @param account the SS58 address that registers it, or null when none is configured
 * @param registration the on-chain registration
 * @param reservations peers holding a relay reservation now
 * @param circuits circuits open now
 * @param started when the gateway started
 */
public record GatewayStatus(String peerId, List<String> listenAddresses, String publicAddress, String account,
        Registration registration, int reservations, int circuits, Instant started) {
    public GatewayStatus {
        listenAddresses = List.copyOf(listenAddresses);
    }

    /** Where the on-chain registration stands. */
    public enum State {
        /** No account is configured: the gateway relays but is not on the bootstrap list. */
        DISABLED,
        /** The chain client is not connected yet (the node is unreachable or not configured). */
        WAITING_FOR_CHAIN,
        /** Registering (or checking an existing registration). */
        REGISTERING,
        /** On the chain's bootstrap list, heartbeating. */
        REGISTERED,
        /** The chain could not be reached for the last attempt; the registration stands as far as we know. */
        CHAIN_UNREACHABLE,
        /** The chain refused (e.g. the bond cannot be paid, the peer id belongs to another account). */
        REFUSED,
        /** Taken off the chain on a clean stop. */
        DEREGISTERED
    }

    /**
     * @param state where it stands
     * @param detail a sentence for people: what happened last, what is retried when
     * @param lastHeartbeat the last heartbeat the chain accepted (or the registration), null before one
     * @param heartbeats heartbeats accepted since start
     */
    public record Registration(State state, String detail, Instant lastHeartbeat, long heartbeats) {
    }
}
