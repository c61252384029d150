package org.hamster.pallet.gateway;

import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.PalletId;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.State;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.StorageValue;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;

/**
 * The Gateway pallet's storage. Peer ids and multiaddrs are {@code Vec<u8>} of their UTF-8 text.
 * <ul>
 * <li>{@code Gateways}: peer id (Blake2_128Concat) to {@link GatewayInfo}.</li>
 * <li>{@code AccountGateways}: account (Blake2_128Concat) to the peer ids it registered, oldest first (at most
 * maxGatewaysPerAccount).</li>
 * <li>{@code GatewayCount}: u32, the number of entries of Gateways.</li>
 * <li>{@code BootstrapList}: {@code Vec<Vec<u8>>}, every registered multiaddr, sorted, no duplicates: the libp2p
 * bootstrap list, one storage read.</li>
 * <li>{@code LivenessSchedule}: slot (Identity over the slot as 8 big-endian bytes, so keys sort by time) to the
 * peer ids to check once the slot is over; a gateway's one entry is at {@link GatewayInfo#nextCheck()}.</li>
 * </ul>
 */
public final class GatewayStorage {
    public static final String PALLET = "Gateway";

    /** A slot number as {@code [u8; 8]} big-endian: Identity-hashed keys then iterate in time order. */
    public static final Codec<Long> SLOT = Codecs.of((w, v) -> {
        for (int i = 7; i >= 0; i--) {
            w.u8((int) (v >>> (8 * i)));
        }
    }, r -> {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | r.u8();
        }
        return v;
    });

    private static final Codec<List<String>> STRINGS = Codecs.vec(Codecs.STRING);

    public static final StorageMap<String, GatewayInfo> GATEWAYS = new StorageMap<>(PALLET, "Gateways",
            Hasher.BLAKE2_128_CONCAT, Codecs.STRING, GatewayInfo.CODEC);
    public static final StorageMap<AccountId, List<String>> ACCOUNT_GATEWAYS = new StorageMap<>(PALLET,
            "AccountGateways", Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, STRINGS);
    public static final StorageValue<Long> GATEWAY_COUNT = new StorageValue<>(PALLET, "GatewayCount", Codecs.U32);
    public static final StorageValue<List<String>> BOOTSTRAP_LIST = new StorageValue<>(PALLET, "BootstrapList",
            STRINGS);
    public static final StorageMap<Long, List<String>> LIVENESS_SCHEDULE = new StorageMap<>(PALLET,
            "LivenessSchedule", Hasher.IDENTITY, SLOT, STRINGS);

    /** Where slashed bonds go: the treasury's PalletId account {@code modl py/trsry}. */
    public static final AccountId TREASURY = PalletId.account("py/trsry");

    private GatewayStorage() {
    }

    /**
     * Decodes the raw value of {@link #BOOTSTRAP_LIST} (e.g. from {@code state_getStorage} at
     * {@code BOOTSTRAP_LIST.key()}); null (no value stored) is the empty list. ScaleException if malformed.
     */
    public static List<String> bootstrapList(byte[] raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> list = STRINGS.decodeAll(raw);
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1).compareTo(list.get(i)) >= 0) {
                throw new ScaleException("bootstrap list not strictly sorted at entry " + i);
            }
        }
        return List.copyOf(list);
    }

    /** The bootstrap list in {@code s}. */
    public static List<String> bootstrapList(State s) {
        return bootstrapList(s.get(BOOTSTRAP_LIST.key()));
    }

    /** The number of registered gateways in {@code s}. */
    public static long gatewayCount(State s) {
        return GATEWAY_COUNT.getOr(s, 0L);
    }
}
