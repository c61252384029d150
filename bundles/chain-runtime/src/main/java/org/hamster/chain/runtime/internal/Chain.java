package org.hamster.chain.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hamster.chain.EventRecord;
import org.hamster.chain.EventRecords;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.support.OverlayState;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Blake2b;
import org.hamster.crypto.Twox;
import org.hamster.pallet.system.SystemStorage;
import org.hamster.storage.KvStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain on one store: genesis, block building and import of our own blocks, reads of committed state.
 * Not thread-safe: the node serialises block production and reads the committed head through volatile fields.
 */
final class Chain {
    private static final Logger LOG = LoggerFactory.getLogger(Chain.class);
    private static final byte[] TIMESTAMP_NOW = StateRoot.concat(Twox.hash128(bytes("Timestamp")), Twox.hash128(bytes("Now")));

    /** A transaction chosen for a block, with the outcome of trying to include it. */
    record Candidate(Executive.Checked checked, H256 hash) {
    }

    /** What building a block did: the block and which candidates went in or were refused. */
    record Built(Header header, H256 hash, List<byte[]> body, List<H256> included, List<Rejection> rejected,
            java.util.Set<org.hamster.common.Bytes> changedKeys) {
    }

    record Rejection(H256 hash, TransactionRejected reason) {
    }

    private final ChainSpec spec;
    private final RuntimeModules modules;
    private final ChainStore store;
    private final Executive executive;
    private final H256 genesisHash;
    private final long minimumPeriod;
    private volatile Header best;
    private volatile H256 bestHash;

    Chain(ChainSpec spec, RuntimeModules modules, KvStore kv) throws HamsterException {
        this(spec, modules, new ChainStore(kv));
    }

    Chain(ChainSpec spec, RuntimeModules modules, ChainStore store) throws HamsterException {
        this.spec = spec;
        this.modules = modules;
        this.store = store;
        Optional<H256> stored = store.best();
        if (stored.isEmpty()) {
            store.chainId(spec.id());
            buildGenesis(store, true);
        } else {
            String id = store.chainId().orElse("?");
            if (!id.equals(spec.id())) {
                throw new HamsterException(ErrorCode.CONFIG, "the data directory holds chain '" + id
                        + "' but the chain spec is '" + spec.id() + "'; use another data directory or that spec");
            }
        }
        this.genesisHash = store.hashOf(0).orElseThrow();
        this.bestHash = store.best().orElseThrow();
        this.best = store.header(bestHash).orElseThrow();
        if (!java.util.Arrays.equals(store.root(), best.stateRoot().toArray())) {
            throw new HamsterException(ErrorCode.STORAGE, "state root mismatch at block " + best.number()
                    + ": the store is corrupt");
        }
        JsonNode ts = spec.pallet("Timestamp") == null ? null : spec.pallet("Timestamp").constants();
        this.minimumPeriod = ts == null ? 1 : Math.max(1, ts.path("minimumPeriod").asLong(1));
        long hashCount = spec.pallet("System").constants().path("blockHashCount").asLong(2400);
        this.executive = new Executive(modules, genesisHash, store::hashOf, hashCount);
        LOG.info("Chain {} at #{} ({}), genesis {}", spec.name(), best.number(), bestHash, genesisHash);
    }

    private H256 buildGenesis(ChainStore target, boolean commit) {
        OverlayState overlay = new OverlayState(target);
        BlockContext ctx = new BlockContext(modules, overlay, 0, spec.genesisTimestamp());
        for (ChainSpec.PalletSpec ps : spec.pallets()) {
            modules.pallet(ps.index()).genesis(ctx, DevUris.resolve(ps.genesis()));
        }
        SystemStorage.NUMBER.put(overlay, 0L);
        SystemStorage.PARENT_HASH.put(overlay, H256.ZERO);
        overlay.put(TIMESTAMP_NOW, new ScaleWriter().u64(spec.genesisTimestamp()).toByteArray());
        ChainStore.Prepared root = target.prepare(overlay.changes());
        Header h = new Header(H256.ZERO, 0, H256.of(root.hash()), extrinsicsRoot(List.of()), List.of());
        H256 hash = h.hash();
        if (commit) {
            target.commit(h, hash, List.of(), overlay.changes(), root);
        }
        return hash;
    }

    H256 genesisHash() {
        return genesisHash;
    }

    Header best() {
        return best;
    }

    H256 bestHash() {
        return bestHash;
    }

    ChainStore store() {
        return store;
    }

    Executive executive() {
        return executive;
    }

    RuntimeModules modules() {
        return modules;
    }

    ChainSpec spec() {
        return spec;
    }

    long lastTimestamp() {
        byte[] raw = store.get(TIMESTAMP_NOW);
        return raw == null ? 0 : new ScaleReader(raw).u64();
    }

    /** Builds, executes and commits the next block with as many candidates as apply. */
    Built produce(long wallClockMs, List<Candidate> candidates) {
        long number = best.number() + 1;
        long now = Math.max(wallClockMs, lastTimestamp() + minimumPeriod);
        OverlayState overlay = new OverlayState(store);
        BlockContext ctx = new BlockContext(modules, overlay, number, now);
        SystemStorage.NUMBER.put(overlay, number);
        SystemStorage.PARENT_HASH.put(overlay, bestHash);
        SystemStorage.BLOCK_HASH.put(overlay, number - 1, bestHash);
        ctx.phase(EventRecord.Phase.INITIALIZATION, -1);
        for (Pallet p : modules.ordered()) {
            hook(ctx, p, true);
        }
        List<byte[]> body = new ArrayList<>();
        byte[] inherent = new ScaleWriter().u8(modules.indexOf("Timestamp")).u8(0).compact(now).toByteArray();
        executive.applyInherent(ctx, inherent, 0);
        body.add(org.hamster.chain.Extrinsic.unsigned(inherent));
        List<H256> included = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (Candidate c : candidates) {
            include(ctx, c, body, included, rejected);
        }
        ctx.phase(EventRecord.Phase.FINALIZATION, -1);
        for (Pallet p : modules.ordered()) {
            hook(ctx, p, false);
        }
        SystemStorage.EXTRINSIC_COUNT.put(overlay, (long) body.size());
        SystemStorage.EVENTS.put(overlay, EventRecords.encode(ctx.events()));
        SystemStorage.EVENT_COUNT.put(overlay, (long) ctx.events().size());
        ChainStore.Prepared root = store.prepare(overlay.changes());
        Header h = new Header(bestHash, number, H256.of(root.hash()), extrinsicsRoot(body), List.of());
        H256 hash = h.hash();
        store.commit(h, hash, body, overlay.changes(), root);
        best = h;
        bestHash = hash;
        return new Built(h, hash, body, included, rejected, overlay.changes().keySet());
    }

    /*
     * Loops that run once per block keep their bodies in methods of their own: such a method runs hundreds of
     * times per block and is compiled early, where the loop itself would run interpreted for a long time (a node
     * seals few blocks compared with the JIT's thresholds).
     */

    private void include(BlockContext ctx, Candidate c, List<byte[]> body, List<H256> included,
            List<Rejection> rejected) {
        try {
            executive.apply(ctx, c.checked(), body.size());
            body.add(c.checked().xt().encoded());
            included.add(c.hash());
        } catch (TransactionRejected e) {
            rejected.add(new Rejection(c.hash(), e));
        }
    }

    /** Runs a pallet hook in its own layer: a failing hook is logged and undone, never stops the chain. */
    private static void hook(BlockContext ctx, Pallet p, boolean initialize) {
        int mark = ctx.eventMark();
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
            LOG.error("{}.{} failed at block #{}; its changes were discarded", p.name(),
                    initialize ? "on_initialize" : "on_finalize", ctx.blockNumber(), e);
        }
    }

    /** A throwaway context on top of the committed state, for trial runs that must change nothing. */
    BlockContext scratchContext() {
        return new BlockContext(modules, new OverlayState(store), best.number() + 1, lastTimestamp() + minimumPeriod);
    }

    /** Binary Merkle root (blake2b-256) over the extrinsic hashes; an odd node is promoted unchanged. */
    static H256 extrinsicsRoot(List<byte[]> xts) {
        if (xts.isEmpty()) {
            return H256.of(Blake2b.hash256(new byte[0]));
        }
        List<byte[]> level = new ArrayList<>(xts.size());
        xts.forEach(x -> level.add(Blake2b.hash256(x)));
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>(level.size() / 2 + 1);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(parent(level, i));
            }
            level.clear();
            level.addAll(next);
        }
        return H256.of(level.get(0));
    }

    /** The parent of {@code level[i]} and its right sibling; an odd last node is promoted unchanged. */
    private static byte[] parent(List<byte[]> level, int i) {
        return i + 1 < level.size() ? Blake2b.hash256(StateRoot.concat(level.get(i), level.get(i + 1))) : level.get(i);
    }

    /** Decodes a block's System.Events with the runtime's pallets. */
    List<EventRecord> events(byte[] raw) {
        return EventRecords.decode(raw, modules::skipEvent);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
