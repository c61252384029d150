package org.hamster.chain.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.ModuleError;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.StorageValue;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** A minimal pallet exercising what the harness offers: storage, events, errors, nested calls, hooks. */
final class CounterPallet implements Pallet {
    static final StorageValue<Long> COUNT = new StorageValue<>("Counter", "Count", Codecs.U32);
    static final StorageValue<Long> FINALIZED = new StorageValue<>("Counter", "Finalized", Codecs.U32);
    long limit = 10;
    boolean failFinalize;

    record Inc(long by) implements Call {
        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u32(by);
        }
    }

    record AsRoot(byte[] call) implements Call {
        public int callIndex() {
            return 1;
        }

        public void encodeArgs(ScaleWriter w) {
            w.bytes(call);
        }
    }

    record Incremented(long by) implements PalletEvent {
        public String pallet() {
            return "Counter";
        }

        public int eventIndex() {
            return 0;
        }

        public void encodeFields(ScaleWriter w) {
            w.u32(by);
        }
    }

    enum CounterError implements ModuleError {
        TooHigh;

        public String pallet() {
            return "Counter";
        }

        public int index() {
            return ordinal();
        }
    }

    public String name() {
        return "Counter";
    }

    public int version() {
        return 1;
    }

    @Override
    public void configure(JsonNode constants) {
        limit = constants.path("limit").asLong(10);
    }

    @Override
    public void genesis(RuntimeContext ctx, JsonNode config) {
        COUNT.put(ctx.state(), config.path("start").asLong(0));
    }

    public Call decodeCall(int callIndex, ScaleReader args, CallDecoder calls) {
        return switch (callIndex) {
            case 0 -> new Inc(args.u32());
            case 1 -> new AsRoot(calls.readCall(args));
            default -> throw new ScaleException("unknown Counter call " + callIndex);
        };
    }

    public void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException {
        if (call instanceof AsRoot a) {
            origin.ensureSigned();
            try {
                ctx.dispatch(Origin.ROOT, a.call());
            } catch (DispatchException e) {
                ctx.deposit(new Incremented(0));
            }
            return;
        }
        Inc inc = (Inc) call;
        long next = COUNT.getOr(ctx.state(), 0L) + inc.by();
        COUNT.put(ctx.state(), next);
        ctx.deposit(new Incremented(inc.by()));
        if (next > limit) {
            throw new DispatchException(CounterError.TooHigh);
        }
    }

    public void skipEventFields(int eventIndex, ScaleReader r) {
        if (eventIndex != 0) {
            throw new ScaleException("unknown Counter event " + eventIndex);
        }
        r.u32();
    }

    @Override
    public void onFinalize(RuntimeContext ctx) {
        FINALIZED.put(ctx.state(), ctx.blockNumber());
        if (failFinalize) {
            throw new IllegalStateException("boom");
        }
    }
}
