package org.hamster.chain.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hamster.chain.DispatchError;
import org.hamster.chain.EventRecord;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.chain.support.OverlayState;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;

/**
 * An in-memory runtime for pallet unit tests, FRAME's {@code new_test_ext()}: pallets at fixed indices,
 * configured with their chain-spec constants and genesis, then driven block by block. Block {@code n} has
 * timestamp {@code genesisTime + n * blockTime}; after {@link Builder#build()} block 1 is open. Calls run in a
 * transactional layer exactly as in the node; hooks too, but a failing hook fails the test here instead of being
 * logged away. When a pallet named Timestamp is present its inherent {@code set(now)} is applied at the start of
 * every block unless {@link Builder#autoTimestamp(boolean)} turns that off. Not thread-safe.
 */
public final class PalletHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Modules modules;
    private final MemoryBase base = new MemoryBase();
    private final long blockTime;
    private final boolean autoTimestamp;
    private HarnessContext ctx;
    private int extrinsics;

    private PalletHarness(Builder b) {
        this.modules = new Modules(b.pallets);
        this.blockTime = b.blockTime;
        this.autoTimestamp = b.autoTimestamp && modules.has("Timestamp");
        for (Pallet p : modules.ordered()) {
            p.configure(b.constants.getOrDefault(p.name(), MissingNode.getInstance()));
        }
        ctx = new HarnessContext(modules, new OverlayState(base), 0, b.genesisTime);
        for (Pallet p : modules.ordered()) {
            p.genesis(ctx, b.genesis.getOrDefault(p.name(), MissingNode.getInstance()));
        }
        base.commit(ctx.state().changes());
        open(1, b.genesisTime + blockTime);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The context of the open block (a new one after each {@link #nextBlock()}). */
    public RuntimeContext context() {
        return ctx;
    }

    public State state() {
        return ctx.state();
    }

    public long blockNumber() {
        return ctx.blockNumber();
    }

    public long now() {
        return ctx.now();
    }

    /** A pallet service (e.g. a Currency), as {@link RuntimeContext#service(Class)} finds it. */
    public <T> T service(Class<T> type) {
        return ctx.service(type).orElseThrow(() -> new IllegalStateException("no pallet implements " + type));
    }

    public int palletIndex(String pallet) {
        return modules.indexOf(pallet);
    }

    /** The runtime encoding of a call: pallet index, call index, arguments. */
    public byte[] encodeCall(String pallet, Call call) {
        return modules.encode(pallet, call);
    }

    /**
     * Dispatches a call of a pallet as an extrinsic of the open block, through its encoding (so decodeCall is
     * exercised and must reproduce the same bytes). On failure nothing it wrote or deposited remains.
     */
    public void dispatch(Origin origin, String pallet, Call call) throws DispatchException {
        byte[] encoded = encodeCall(pallet, call);
        Modules.Decoded d = modules.decodeAll(encoded);
        byte[] again = modules.encode(pallet, d.call());
        if (!java.util.Arrays.equals(encoded, again)) {
            throw new IllegalStateException(pallet + " decodes " + call + " into " + d.call()
                    + ", which encodes differently");
        }
        dispatch(origin, encoded);
    }

    /** Dispatches an encoded runtime call as an extrinsic of the open block. */
    public void dispatch(Origin origin, byte[] call) throws DispatchException {
        ctx.phase(EventRecord.Phase.APPLY_EXTRINSIC, extrinsics++);
        ctx.dispatch(origin, call);
    }

    /**
     * Dispatches a call that must fail without changing any state or depositing any event (FRAME's
     * {@code assert_noop!}); returns the failure for the caller to check. Throws AssertionError otherwise.
     */
    public DispatchException assertNoop(Origin origin, String pallet, Call call) {
        NavigableMap<Bytes, Bytes> before = snapshot();
        int events = ctx.events().size();
        try {
            dispatch(origin, pallet, call);
        } catch (DispatchException e) {
            if (!before.equals(snapshot())) {
                throw new AssertionError(pallet + " call " + call + " failed (" + e.getMessage()
                        + ") but changed the state");
            }
            if (ctx.events().size() != events) {
                throw new AssertionError(pallet + " call " + call + " failed but left events");
            }
            return e;
        }
        throw new AssertionError(pallet + " call " + call + " succeeded; expected a failure");
    }

    /** The error as the node records it (module errors with their pallet's index). */
    public DispatchError errorOf(DispatchException e) {
        return e.toDispatchError(modules::indexOf);
    }

    /** Events deposited so far in the open block, in order. */
    public List<PalletEvent> events() {
        return ctx.events().stream().map(HarnessContext.Recorded::event).toList();
    }

    /** The same events as System.Events records them (phase, indices, SCALE-encoded fields). */
    public List<EventRecord> eventRecords() {
        return ctx.events().stream().map(HarnessContext.Recorded::record).toList();
    }

    public PalletEvent lastEvent() {
        List<HarnessContext.Recorded> e = ctx.events();
        if (e.isEmpty()) {
            throw new AssertionError("no event in block #" + ctx.blockNumber());
        }
        return e.get(e.size() - 1).event();
    }

    /**
     * Finalizes the open block (on_finalize of every pallet in index order), commits it and opens the next one
     * (block number + 1, time + block time, on_initialize, timestamp inherent). Returns the events of the
     * finished block.
     */
    public List<PalletEvent> nextBlock() {
        ctx.phase(EventRecord.Phase.FINALIZATION, -1);
        for (Pallet p : modules.ordered()) {
            hook(p, false);
        }
        List<PalletEvent> finished = events();
        base.commit(new TreeMap<>(ctx.state().changes()));
        open(ctx.blockNumber() + 1, ctx.now() + blockTime);
        return finished;
    }

    /** The whole state (committed and pending), key by key, for "nothing changed" assertions. */
    public NavigableMap<Bytes, Bytes> snapshot() {
        NavigableMap<Bytes, Bytes> all = new TreeMap<>();
        for (byte[] k : ctx.state().keys(new byte[0], null, Integer.MAX_VALUE)) {
            all.put(Bytes.wrap(k), Bytes.wrap(ctx.state().get(k)));
        }
        return all;
    }

    private void open(long number, long now) {
        ctx = new HarnessContext(modules, new OverlayState(base), number, now);
        extrinsics = 0;
        for (Pallet p : modules.ordered()) {
            hook(p, true);
        }
        if (autoTimestamp) {
            byte[] inherent = new ScaleWriter().u8(modules.indexOf("Timestamp")).u8(0).compact(now).toByteArray();
            try {
                dispatch(Origin.NONE, inherent);
            } catch (DispatchException e) {
                throw new IllegalStateException("timestamp inherent failed at block #" + number + ": " + e, e);
            }
        }
    }

    private void hook(Pallet p, boolean initialize) {
        int mark = ctx.events().size();
        ctx.state().begin();
        try {
            if (initialize) {
                p.onInitialize(ctx);
            } else {
                p.onFinalize(ctx);
            }
            ctx.state().commitLayer();
        } catch (RuntimeException e) {
            ctx.state().rollback();
            ctx.truncateEvents(mark);
            throw new IllegalStateException(p.name() + (initialize ? ".on_initialize" : ".on_finalize")
                    + " failed at block #" + ctx.blockNumber() + ": " + e.getMessage(), e);
        }
    }

    /** Pallets, their chain-spec sections and the clock of a harness. */
    public static final class Builder {
        private final Map<Integer, Pallet> pallets = new LinkedHashMap<>();
        private final Map<String, JsonNode> constants = new HashMap<>();
        private final Map<String, JsonNode> genesis = new HashMap<>();
        private long genesisTime;
        private long blockTime = 6000;
        private boolean autoTimestamp = true;

        private Builder() {
        }

        public Builder pallet(int index, Pallet pallet) {
            if (pallets.putIfAbsent(index, pallet) != null) {
                throw new IllegalArgumentException("index " + index + " is taken");
            }
            return this;
        }

        /** The pallet's {@code constants} section of the chain spec, as JSON. */
        public Builder constants(String pallet, String json) {
            constants.put(pallet, parse(json));
            return this;
        }

        /** The pallet's {@code genesis} section of the chain spec, as JSON (dev URIs already resolved). */
        public Builder genesis(String pallet, String json) {
            genesis.put(pallet, parse(json));
            return this;
        }

        /** Timestamp of block 0 in ms (default 0). */
        public Builder genesisTime(long ms) {
            genesisTime = ms;
            return this;
        }

        /** Time between blocks in ms (default 6000). */
        public Builder blockTime(long ms) {
            if (ms <= 0) {
                throw new IllegalArgumentException("block time must be positive");
            }
            blockTime = ms;
            return this;
        }

        /** Whether each block starts with Timestamp.set(now) when a Timestamp pallet is present (default true). */
        public Builder autoTimestamp(boolean on) {
            autoTimestamp = on;
            return this;
        }

        public PalletHarness build() {
            return new PalletHarness(this);
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException("bad JSON: " + json, e);
            }
        }
    }
}
