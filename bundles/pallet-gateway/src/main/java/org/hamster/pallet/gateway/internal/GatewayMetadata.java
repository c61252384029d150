package org.hamster.pallet.gateway.internal;

import static org.hamster.chain.spi.meta.StdTypes.ACCOUNT_ID;
import static org.hamster.chain.spi.meta.StdTypes.BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.BOOL;
import static org.hamster.chain.spi.meta.StdTypes.BYTES;
import static org.hamster.chain.spi.meta.StdTypes.MOMENT;
import static org.hamster.chain.spi.meta.StdTypes.STR;
import static org.hamster.chain.spi.meta.StdTypes.U128;
import static org.hamster.chain.spi.meta.StdTypes.U32;
import static org.hamster.chain.spi.meta.StdTypes.U64;
import static org.hamster.chain.spi.meta.StdTypes.U8;
import static org.hamster.chain.spi.meta.StdTypes.vec;
import static org.hamster.chain.spi.meta.Ty.field;

import java.util.List;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.Codecs;
import org.hamster.pallet.gateway.GatewayError;
import org.hamster.pallet.gateway.GatewayStorage;

/**
 * The Gateway pallet's metadata: exactly the layouts of {@link org.hamster.pallet.gateway.GatewayCall},
 * {@link org.hamster.pallet.gateway.GatewayEvent}, {@link GatewayError}, {@link GatewayStorage} and the configured
 * {@link GatewayConfig}. Calls take peer ids and multiaddrs as {@code Vec<u8>} (raw bytes, checked in dispatch);
 * events and storage hold them as UTF-8 text, described as {@code str} (the same SCALE bytes as {@code Vec<u8>}).
 */
final class GatewayMetadata {
    /** The encoded None that Optional storage entries declare as their default. */
    private static final byte[] NONE = {0};

    private GatewayMetadata() {
    }

    static PalletMeta of(GatewayConfig cfg) {
        PalletMeta.Builder b = PalletMeta.builder(GatewayStorage.PALLET);
        Ty reason = Ty.unitEnum(b.typePath("RemovalReason"), "Silent", "Forced");
        Ty info = Ty.struct(b.typePath("GatewayInfo"),
                field("owner", ACCOUNT_ID, "T::AccountId"),
                field("multiaddr", STR, "String"),
                field("bond", BALANCE, "BalanceOf<T>"),
                field("registered_at", MOMENT, "T::Moment"),
                field("last_heartbeat", MOMENT, "T::Moment"),
                field("next_check", U64, "u64"));
        Ty peerIds = vec(STR);

        b.call(0, "register_gateway", "Registers the signer's gateway at `multiaddr` (ending with /p2p/<peer id>), "
                + "reserving the bond.", field("multiaddr", BYTES, "Vec<u8>"))
         .call(1, "heartbeat", "The owner reports the gateway alive.", field("peer_id", BYTES, "Vec<u8>"))
         .call(2, "deregister", "The owner takes the gateway off the bootstrap list; the bond is unreserved.",
                field("peer_id", BYTES, "Vec<u8>"))
         .call(3, "force_remove", "Root removes a gateway, moving `penalty_percent` of its bond to the treasury.",
                field("peer_id", BYTES, "Vec<u8>"), field("penalty_percent", U8, "u8"));

        b.event(0, "GatewayRegistered", "`who` registered a gateway; `multiaddr` joined the bootstrap list.",
                field("who", ACCOUNT_ID, "T::AccountId"), field("peer_id", STR, "String"),
                field("multiaddr", STR, "String"))
         .event(1, "Heartbeat", "The owner reported the gateway alive.",
                field("who", ACCOUNT_ID, "T::AccountId"), field("peer_id", STR, "String"))
         .event(2, "GatewayDeregistered", "The owner deregistered the gateway; its whole bond was unreserved.",
                field("who", ACCOUNT_ID, "T::AccountId"), field("peer_id", STR, "String"))
         .event(3, "GatewayRemoved", "The chain removed `who`'s gateway; `penalty` of its bond went to the treasury.",
                field("who", ACCOUNT_ID, "T::AccountId"), field("peer_id", STR, "String"),
                field("reason", reason, "RemovalReason"), field("penalty", BALANCE, "BalanceOf<T>"));

        b.errors(GatewayError.class);

        b.map(GatewayStorage.GATEWAYS, Modifier.OPTIONAL, STR, info, NONE, "Registered gateways by peer id.")
         .map(GatewayStorage.ACCOUNT_GATEWAYS, Modifier.DEFAULT, ACCOUNT_ID, peerIds,
                GatewayStorage.ACCOUNT_GATEWAYS.valueCodec().encode(List.of()),
                "The peer ids an account registered, oldest first.")
         .value(GatewayStorage.GATEWAY_COUNT, Modifier.DEFAULT, U32, GatewayStorage.GATEWAY_COUNT.codec().encode(0L),
                "The number of registered gateways.")
         .value(GatewayStorage.BOOTSTRAP_LIST, Modifier.DEFAULT, peerIds,
                GatewayStorage.BOOTSTRAP_LIST.codec().encode(List.of()),
                "Every registered multiaddr, sorted, no duplicates.")
         .map(GatewayStorage.LIVENESS_SCHEDULE, Modifier.DEFAULT, new Ty.Arr(8, U8), peerIds,
                GatewayStorage.LIVENESS_SCHEDULE.valueCodec().encode(List.of()),
                "Peer ids to check once the slot (8 big-endian bytes) is over.");

        b.constant("GatewayBond", U128, Codecs.U128.encode(cfg.gatewayBond()), "Reserved from the owner per gateway.")
         .constant("MaxGateways", U32, Codecs.U32.encode((long) cfg.maxGateways()), "Gateways on the whole chain.")
         .constant("MaxGatewaysPerAccount", U32, Codecs.U32.encode((long) cfg.maxGatewaysPerAccount()),
                "Gateways one account may register.")
         .constant("HeartbeatIntervalMs", U64, Codecs.U64.encode(cfg.heartbeatIntervalMs()),
                "How often a gateway is expected to heartbeat, ms.")
         .constant("HeartbeatToleranceMs", U64, Codecs.U64.encode(cfg.heartbeatToleranceMs()),
                "Silence after which a gateway is removed, ms.")
         .constant("SlotMs", U64, Codecs.U64.encode(cfg.slotMs()), "Granularity of the liveness schedule, ms.")
         .constant("MaxRemovalsPerBlock", U32, Codecs.U32.encode((long) cfg.maxRemovalsPerBlock()),
                "Silent gateways removed per block at most.")
         .constant("MaxChecksPerBlock", U32, Codecs.U32.encode((long) cfg.maxChecksPerBlock()),
                "Liveness schedule entries handled per block at most.")
         .constant("SilencePenaltyPercent", U32, Codecs.U32.encode((long) cfg.silencePenaltyPercent()),
                "Part of the bond a silent gateway loses to the treasury, percent.")
         .constant("MaxMultiaddrLength", U32, Codecs.U32.encode((long) cfg.maxMultiaddrLength()),
                "Bytes of a registered multiaddr at most.")
         .constant("PublicAddressesOnly", BOOL, Codecs.BOOL.encode(cfg.publicAddressesOnly()),
                "Whether loopback and private hosts are refused.");
        return b.build();
    }
}
