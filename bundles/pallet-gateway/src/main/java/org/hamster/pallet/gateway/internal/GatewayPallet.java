package org.hamster.pallet.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.pallet.gateway.GatewayCall;
import org.hamster.pallet.gateway.GatewayEvent;
import org.hamster.pallet.gateway.GatewayStorage;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gateway pallet: public libp2p relay/bootstrap nodes register their multiaddr with a bond, heartbeat, and
 * deregister; the registered multiaddrs are the bootstrap list providers and clients read. A gateway silent for
 * longer than the tolerance is removed at the start of a block (bounded work per block, see {@link Sweeper}) and
 * loses {@code silencePenaltyPercent} of its bond to the treasury: unlike the original, which unlocked the whole
 * stake, going silent costs something, while a voluntary deregister costs nothing. Liveness uses chain time
 * (Timestamp), never block counts. Constants: {@link GatewayConfig}.
 */
@Component(service = Pallet.class, property = "pallet.name=Gateway")
public class GatewayPallet implements Pallet {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayPallet.class);
    private volatile GatewayLogic logic = new GatewayLogic(GatewayConfig.DEV);

    @Override
    public String name() {
        return GatewayStorage.PALLET;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void configure(JsonNode constants) {
        GatewayConfig cfg = GatewayConfig.parse(constants);
        logic = new GatewayLogic(cfg);
        LOG.debug("Gateway constants {}", cfg);
    }

    @Override
    public PalletMeta metadata() {
        return GatewayMetadata.of(logic.config());
    }

    @Override
    public Call decodeCall(int callIndex, ScaleReader r, CallDecoder calls) {
        return switch (callIndex) {
            case 0 -> new GatewayCall.RegisterGateway(r.vecBytes());
            case 1 -> new GatewayCall.Heartbeat(r.vecBytes());
            case 2 -> new GatewayCall.Deregister(r.vecBytes());
            case 3 -> new GatewayCall.ForceRemove(r.vecBytes(), r.u8());
            default -> throw new ScaleException("unknown Gateway call " + callIndex);
        };
    }

    @Override
    public void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException {
        GatewayLogic l = logic;
        if (call instanceof GatewayCall.RegisterGateway c) {
            l.register(ctx, origin.ensureSigned(), c.multiaddr());
        } else if (call instanceof GatewayCall.Heartbeat c) {
            l.heartbeat(ctx, origin.ensureSigned(), c.peerId());
        } else if (call instanceof GatewayCall.Deregister c) {
            l.deregister(ctx, origin.ensureSigned(), c.peerId());
        } else if (call instanceof GatewayCall.ForceRemove c) {
            origin.ensureRoot();
            l.forceRemove(ctx, c.peerId(), c.penaltyPercent());
        } else {
            throw new IllegalArgumentException("not a Gateway call: " + call);
        }
    }

    @Override
    public void onInitialize(RuntimeContext ctx) {
        Sweeper.run(ctx, logic);
    }

    @Override
    public void skipEventFields(int eventIndex, ScaleReader r) {
        GatewayEvent.skip(eventIndex, r);
    }
}
