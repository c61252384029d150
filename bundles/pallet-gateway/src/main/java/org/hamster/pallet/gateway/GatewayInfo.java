package org.hamster.pallet.gateway;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;

/**
 * A registered gateway (value of Gateway.Gateways). SCALE layout: {@code owner: AccountId, multiaddr: Vec<u8>,
 * bond: u128, registered_at: u64, last_heartbeat: u64, next_check: u64}; times are chain time in ms (Timestamp),
 * {@code next_check} is the liveness-schedule slot ({@code time / slotMs}) holding this gateway's one check.
 *
 * @param multiaddr the canonical multiaddr text, ending with /p2p/ and the peer id the gateway is keyed by
 * @param bond what was reserved from the owner at registration (returned, or partly slashed, on removal)
 */
public record GatewayInfo(AccountId owner, String multiaddr, BigInteger bond, long registeredAt, long lastHeartbeat,
        long nextCheck) {
    public static final Codec<GatewayInfo> CODEC = Codecs.of((w, g) -> {
        AccountId.CODEC.encode(w, g.owner);
        w.string(g.multiaddr).u128(g.bond).u64(g.registeredAt).u64(g.lastHeartbeat).u64(g.nextCheck);
    }, r -> new GatewayInfo(AccountId.CODEC.decode(r), r.string(), r.u128(), r.u64(), r.u64(), r.u64()));

    public GatewayInfo withLastHeartbeat(long time) {
        return new GatewayInfo(owner, multiaddr, bond, registeredAt, time, nextCheck);
    }

    public GatewayInfo withNextCheck(long slot) {
        return new GatewayInfo(owner, multiaddr, bond, registeredAt, lastHeartbeat, slot);
    }

    /** When the gateway counts as silent: last heartbeat + tolerance, saturating at Long.MAX_VALUE. */
    public long deadline(long heartbeatToleranceMs) {
        long d = lastHeartbeat + heartbeatToleranceMs;
        return d < lastHeartbeat ? Long.MAX_VALUE : d;
    }
}
