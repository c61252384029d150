package org.hamster.pallet.gateway;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** Gateway pallet events; peer ids and multiaddrs are encoded as {@code Vec<u8>} of their UTF-8 text. */
public sealed interface GatewayEvent extends PalletEvent {
    @Override
    default String pallet() {
        return GatewayStorage.PALLET;
    }

    /** {@code who} registered a gateway; {@code multiaddr} joined the bootstrap list. */
    record GatewayRegistered(AccountId who, String peerId, String multiaddr) implements GatewayEvent {
        public int eventIndex() {
            return 0;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, who);
            w.string(peerId).string(multiaddr);
        }
    }

    /** The owner reported the gateway alive. */
    record Heartbeat(AccountId who, String peerId) implements GatewayEvent {
        public int eventIndex() {
            return 1;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, who);
            w.string(peerId);
        }
    }

    /** The owner deregistered the gateway; its whole bond was unreserved. */
    record GatewayDeregistered(AccountId who, String peerId) implements GatewayEvent {
        public int eventIndex() {
            return 2;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, who);
            w.string(peerId);
        }
    }

    /** The chain removed {@code who}'s gateway; {@code penalty} of its bond went to the treasury, the rest back. */
    record GatewayRemoved(AccountId who, String peerId, RemovalReason reason, BigInteger penalty)
            implements GatewayEvent {
        public int eventIndex() {
            return 3;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, who);
            w.string(peerId).u8(reason.ordinal()).u128(penalty);
        }
    }

    static void skip(int index, ScaleReader r) {
        switch (index) {
            case 0 -> {
                r.bytes(32);
                r.vecBytes();
                r.vecBytes();
            }
            case 1, 2 -> {
                r.bytes(32);
                r.vecBytes();
            }
            case 3 -> {
                r.bytes(32);
                r.vecBytes();
                if (r.u8() >= RemovalReason.values().length) {
                    throw new ScaleException("bad RemovalReason");
                }
                r.bytes(16);
            }
            default -> throw new ScaleException("unknown Gateway event " + index);
        }
    }
}
