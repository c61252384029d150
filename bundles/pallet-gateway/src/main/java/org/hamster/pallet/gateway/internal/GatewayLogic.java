package org.hamster.pallet.gateway.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.pallet.gateway.GatewayAddress;
import org.hamster.pallet.gateway.GatewayError;
import org.hamster.pallet.gateway.GatewayEvent;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.gateway.InvalidGatewayAddress;
import org.hamster.pallet.gateway.RemovalReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Gateway calls for one set of constants: every check before the first write. */
final class GatewayLogic {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayLogic.class);
    /** Longer peer-id arguments cannot name a registered gateway (PeerIds accepts at most 64 characters). */
    private static final int MAX_PEER_ID_BYTES = 64;
    private final GatewayConfig cfg;

    GatewayLogic(GatewayConfig cfg) {
        this.cfg = cfg;
    }

    GatewayConfig config() {
        return cfg;
    }

    void register(RuntimeContext ctx, AccountId who, byte[] raw) throws DispatchException {
        State s = ctx.state();
        if (raw.length > cfg.maxMultiaddrLength()) {
            throw new DispatchException(GatewayError.MultiaddrTooLong);
        }
        GatewayAddress addr;
        try {
            addr = GatewayAddress.parse(raw);
        } catch (InvalidGatewayAddress e) {
            LOG.debug("register_gateway of {} refused: {}", who, e.getMessage());
            throw new DispatchException(e.error());
        }
        if (cfg.publicAddressesOnly() && !addr.publicHost()) {
            throw new DispatchException(GatewayError.NonPublicAddress);
        }
        if (GatewayStorage.GATEWAYS.contains(s, addr.peerId())) {
            throw new DispatchException(GatewayError.GatewayAlreadyRegistered);
        }
        if (GatewayStorage.gatewayCount(s) >= cfg.maxGateways()) {
            throw new DispatchException(GatewayError.TooManyGateways);
        }
        if (GatewayStorage.ACCOUNT_GATEWAYS.getOr(s, who, List.of()).size() >= cfg.maxGatewaysPerAccount()) {
            throw new DispatchException(GatewayError.TooManyGatewaysForAccount);
        }
        Registry.Bootstrap bootstrap = Registry.Bootstrap.load(s);
        if (bootstrap.contains(addr.multiaddr())) {
            LOG.error("{} is on the bootstrap list without a gateway entry", addr.multiaddr());
            throw new DispatchException(GatewayError.GatewayAlreadyRegistered);
        }
        long now = ctx.now();
        long slot = slotOf(checkedDeadline(now));
        Bonds.reserve(ctx, who, cfg.gatewayBond());
        Registry.insert(s, addr.peerId(), new GatewayInfo(who, addr.multiaddr(), cfg.gatewayBond(), now, now, slot),
                bootstrap);
        bootstrap.store(s);
        ctx.deposit(new GatewayEvent.GatewayRegistered(who, addr.peerId(), addr.multiaddr()));
        LOG.info("Gateway {} registered by {} at {}", addr.peerId(), who, addr.multiaddr());
    }

    void heartbeat(RuntimeContext ctx, AccountId who, byte[] rawPeerId) throws DispatchException {
        String peerId = peerIdText(rawPeerId);
        GatewayInfo info = owned(ctx.state(), who, peerId);
        long now = ctx.now();
        checkedDeadline(now);
        GatewayStorage.GATEWAYS.put(ctx.state(), peerId, info.withLastHeartbeat(now));
        ctx.deposit(new GatewayEvent.Heartbeat(who, peerId));
    }

    void deregister(RuntimeContext ctx, AccountId who, byte[] rawPeerId) throws DispatchException {
        String peerId = peerIdText(rawPeerId);
        GatewayInfo info = owned(ctx.state(), who, peerId);
        detach(ctx, peerId, info, true);
        Bonds.release(ctx, who, info.bond(), 0);
        ctx.deposit(new GatewayEvent.GatewayDeregistered(who, peerId));
        LOG.info("Gateway {} deregistered by {}", peerId, who);
    }

    void forceRemove(RuntimeContext ctx, byte[] rawPeerId, int penaltyPercent) throws DispatchException {
        if (penaltyPercent > 100) {
            throw new DispatchException(GatewayError.InvalidPenalty);
        }
        String peerId = peerIdText(rawPeerId);
        GatewayInfo info = peerId == null ? null : GatewayStorage.GATEWAYS.get(ctx.state(), peerId);
        if (info == null) {
            throw new DispatchException(GatewayError.NotFound);
        }
        detach(ctx, peerId, info, true);
        BigInteger penalty = Bonds.release(ctx, info.owner(), info.bond(), penaltyPercent);
        ctx.deposit(new GatewayEvent.GatewayRemoved(info.owner(), peerId, RemovalReason.Forced, penalty));
        LOG.info("Gateway {} of {} removed by root, penalty {}", peerId, info.owner(), penalty);
    }

    /** Removes a silent gateway whose schedule entry the sweeper has consumed; slashes the silence penalty. */
    void removeSilent(RuntimeContext ctx, String peerId, GatewayInfo info, Registry.Bootstrap bootstrap) {
        Registry.detach(ctx.state(), peerId, info, bootstrap, false);
        BigInteger penalty = Bonds.release(ctx, info.owner(), info.bond(), cfg.silencePenaltyPercent());
        ctx.deposit(new GatewayEvent.GatewayRemoved(info.owner(), peerId, RemovalReason.Silent, penalty));
        LOG.info("Gateway {} of {} removed: silent since {} (ms), penalty {}", peerId, info.owner(),
                info.lastHeartbeat(), penalty);
    }

    private static void detach(RuntimeContext ctx, String peerId, GatewayInfo info, boolean unschedule) {
        Registry.Bootstrap bootstrap = Registry.Bootstrap.load(ctx.state());
        Registry.detach(ctx.state(), peerId, info, bootstrap, unschedule);
        bootstrap.store(ctx.state());
    }

    long slotOf(long time) {
        return time / cfg.slotMs();
    }

    /** now + tolerance, or ArithmeticError::Overflow. */
    private long checkedDeadline(long now) throws DispatchException {
        try {
            return Math.addExact(now, cfg.heartbeatToleranceMs());
        } catch (ArithmeticException e) {
            throw DispatchException.overflow();
        }
    }

    private static GatewayInfo owned(State s, AccountId who, String peerId) throws DispatchException {
        GatewayInfo info = peerId == null ? null : GatewayStorage.GATEWAYS.get(s, peerId);
        if (info == null) {
            throw new DispatchException(GatewayError.NotFound);
        }
        if (!info.owner().equals(who)) {
            throw new DispatchException(GatewayError.NotOwner);
        }
        return info;
    }

    /** The peer id argument as text, or null if it cannot name a gateway (not UTF-8, too long). */
    private static String peerIdText(byte[] raw) {
        if (raw.length == 0 || raw.length > MAX_PEER_ID_BYTES) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
