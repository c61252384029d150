package org.hamster.pallet.timestamp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.chain.support.SpecValues;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.pallet.timestamp.TimestampCall;
import org.hamster.pallet.timestamp.TimestampError;
import org.hamster.pallet.timestamp.TimestampEvent;
import org.hamster.pallet.timestamp.TimestampStorage;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pallet_timestamp: the block author sets the time once per block with an unsigned inherent; it must advance
 * by at least {@code minimumPeriod} ms (chain-spec constant, default 1) over the previous block's.
 */
@Component(service = Pallet.class, property = "pallet.name=Timestamp")
public class TimestampPallet implements Pallet {
    private static final Logger LOG = LoggerFactory.getLogger(TimestampPallet.class);
    private volatile long minimumPeriod = 1;

    @Override
    public String name() {
        return TimestampStorage.PALLET;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void configure(JsonNode constants) {
        JsonNode v = constants.path("minimumPeriod");
        minimumPeriod = SpecValues.absent(v) ? 1 : SpecValues.u64(v, "Timestamp.minimumPeriod");
        LOG.debug("Timestamp minimumPeriod {} ms", minimumPeriod);
    }

    public long minimumPeriod() {
        return minimumPeriod;
    }

    /**
     * Substrate's description: set(Compact&lt;u64&gt;), no events, Now and DidUpdate (both read as their default
     * when absent) and MinimumPeriod; plus our two errors (Substrate's pallet has none, it panics instead).
     * polkadot.js estimates the block time as twice MinimumPeriod and bounds a mortal era by it; with 1 ms the
     * bound is BlockHashCount, which is harmless.
     */
    @Override
    public PalletMeta metadata() {
        return PalletMeta.builder(TimestampStorage.PALLET)
                .call(0, "set", "Sets the current time (the inherent every block starts with).",
                        Ty.field("now", StdTypes.COMPACT_U64, "T::Moment"))
                .errors(TimestampError.class)
                .value(TimestampStorage.NOW, Modifier.DEFAULT, StdTypes.MOMENT, Codecs.U64.encode(0L),
                        "The current time for the current block.")
                .value(TimestampStorage.DID_UPDATE, Modifier.DEFAULT, StdTypes.BOOL, Codecs.BOOL.encode(false),
                        "Whether the timestamp has been updated in this block.")
                .constant("MinimumPeriod", StdTypes.MOMENT, Codecs.U64.encode(minimumPeriod),
                        "The minimum period between blocks, in milliseconds.")
                .build();
    }

    @Override
    public void genesis(RuntimeContext ctx, JsonNode config) {
        TimestampStorage.NOW.put(ctx.state(), ctx.now());
    }

    @Override
    public Call decodeCall(int callIndex, ScaleReader args, CallDecoder calls) {
        if (callIndex != 0) {
            throw new ScaleException("unknown Timestamp call " + callIndex);
        }
        return new TimestampCall.Set(args.compactLong());
    }

    @Override
    public void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException {
        origin.ensureNone();
        long now = ((TimestampCall.Set) call).now();
        State s = ctx.state();
        if (Boolean.TRUE.equals(TimestampStorage.DID_UPDATE.get(s))) {
            throw new DispatchException(TimestampError.AlreadySet);
        }
        long prev = TimestampStorage.NOW.getOr(s, 0L);
        if (prev != 0 && (now < prev || now - prev < minimumPeriod)) {
            throw new DispatchException(TimestampError.TooEarly);
        }
        TimestampStorage.NOW.put(s, now);
        TimestampStorage.DID_UPDATE.put(s, true);
    }

    @Override
    public void skipEventFields(int eventIndex, ScaleReader r) {
        TimestampEvent.skip(eventIndex, r);
    }

    /** As Substrate's on_finalize: a block without the timestamp inherent is invalid. */
    @Override
    public void onFinalize(RuntimeContext ctx) {
        if (!Boolean.TRUE.equals(TimestampStorage.DID_UPDATE.get(ctx.state()))) {
            throw new IllegalStateException("Timestamp must be updated once in the block");
        }
        TimestampStorage.DID_UPDATE.kill(ctx.state());
    }
}
