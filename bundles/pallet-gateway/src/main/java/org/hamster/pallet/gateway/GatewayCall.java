package org.hamster.pallet.gateway;

import java.nio.charset.StandardCharsets;
import org.hamster.chain.spi.Call;
import org.hamster.codec.ScaleWriter;

/**
 * Gateway pallet calls. Multiaddrs and peer ids travel as {@code Vec<u8>} of their UTF-8 text (the peer id in its
 * base58btc form, exactly as it ends the multiaddr); the records keep the raw bytes so that any input decodes and
 * bad text fails in dispatch with a precise error.
 */
public sealed interface GatewayCall extends Call {
    /** Registers the signer's gateway at {@code multiaddr} (e.g. /ip4/1.2.3.4/tcp/4001/p2p/12D3KooW...), reserving the bond. */
    record RegisterGateway(byte[] multiaddr) implements GatewayCall {
        public RegisterGateway(String multiaddr) {
            this(multiaddr.getBytes(StandardCharsets.UTF_8));
        }

        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            w.vecBytes(multiaddr);
        }
    }

    /** The owner reports the gateway alive; its silence deadline moves to now + heartbeatToleranceMs. */
    record Heartbeat(byte[] peerId) implements GatewayCall {
        public Heartbeat(String peerId) {
            this(peerId.getBytes(StandardCharsets.UTF_8));
        }

        public int callIndex() {
            return 1;
        }

        public void encodeArgs(ScaleWriter w) {
            w.vecBytes(peerId);
        }
    }

    /** The owner takes the gateway off the bootstrap list; the whole bond is unreserved. */
    record Deregister(byte[] peerId) implements GatewayCall {
        public Deregister(String peerId) {
            this(peerId.getBytes(StandardCharsets.UTF_8));
        }

        public int callIndex() {
            return 2;
        }

        public void encodeArgs(ScaleWriter w) {
            w.vecBytes(peerId);
        }
    }

    /**
     * Root removes a gateway (e.g. one squatting a peer id it does not run), moving {@code penaltyPercent} (0..100)
     * of its bond to the treasury and unreserving the rest.
     */
    record ForceRemove(byte[] peerId, int penaltyPercent) implements GatewayCall {
        public ForceRemove {
            if (penaltyPercent < 0 || penaltyPercent > 255) {
                throw new IllegalArgumentException("penaltyPercent is a u8, got " + penaltyPercent);
            }
        }

        public ForceRemove(String peerId, int penaltyPercent) {
            this(peerId.getBytes(StandardCharsets.UTF_8), penaltyPercent);
        }

        public int callIndex() {
            return 3;
        }

        public void encodeArgs(ScaleWriter w) {
            w.vecBytes(peerId).u8(penaltyPercent);
        }
    }
}
