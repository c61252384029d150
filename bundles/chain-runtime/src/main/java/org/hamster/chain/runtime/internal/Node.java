package org.hamster.chain.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hamster.chain.AccountId;
import org.hamster.chain.ChainInfo;
import org.hamster.chain.ChainService;
import org.hamster.chain.DispatchError;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.FeeInfo;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.StorageChange;
import org.hamster.chain.Subscription;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.TransactionRejected.Invalid;
import org.hamster.chain.TxStatus;
import org.hamster.common.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-authority node: pool, block production (instant seal or fixed interval) and the ChainService view.
 * State changes happen under one lock; listeners are called after it is released.
 */
public final class Node implements ChainService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    /** How far ahead of the on-chain nonce a future transaction may be. */
    static final int MAX_FUTURE_NONCE_GAP = 64;
    /**
     * Instant sealing while transactions stream in: a block waits up to this long for more of them (each block has
     * a fixed cost: hooks, state-root paths, a commit with fsync), but only as long as they keep arriving.
     */
    static final long BATCH_MAX_WAIT_NS = 20_000_000L;
    /** A pause without arrivals this long ends the wait: a lone transaction is sealed about this much later. */
    static final long BATCH_IDLE_NS = 1_000_000L;
    /** Pool size at which a block goes ahead without waiting. */
    static final int BATCH_TARGET = 256;

    /** How blocks are sealed. */
    public enum Sealing {
        INSTANT, INTERVAL
    }

    private final Chain chain;
    private final TxPool pool;
    private final RuntimeApis apis;
    private final Sealing sealing;
    private final long blockTimeMs;
    private final int maxBlockTx;
    private final String nodeName;
    private final Object lock = new Object();
    private final Object sealLock = new Object();
    private final ScheduledExecutorService author = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hamster-block-author");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean sealScheduled = new AtomicBoolean();
    /** The watched transactions of the last block with its hash: told FINALIZED when the next block is sealed. */
    private List<TxPool.Entry> awaitingFinality = List.of();
    private H256 lastBlock;
    /** Transactions added to the pool so far (guarded by lock). */
    private long arrivals;
    private final List<Consumer<Header>> headListeners = new CopyOnWriteArrayList<>();
    private final List<StorageWatch> storageWatches = new CopyOnWriteArrayList<>();
    private volatile long lastBlockAt;
    /** Whether the author runs; when not, blocks come only from {@link #sealNow()} (tests, benchmarks). */
    private volatile boolean running;

    private record StorageWatch(List<byte[]> keys, Consumer<StorageChange> listener) {
    }

    Node(Chain chain, Sealing sealing, long blockTimeMs, int poolCapacity, int maxBlockTx, String nodeName) {
        this.chain = chain;
        this.pool = new TxPool(poolCapacity);
        this.apis = new RuntimeApis(chain);
        this.sealing = sealing;
        this.blockTimeMs = blockTimeMs;
        this.maxBlockTx = maxBlockTx;
        this.nodeName = nodeName;
    }

    /** Starts block production. */
    void start() {
        running = true;
        // the first block comes at once: a started node shows it is alive without waiting a whole block time
        lastBlockAt = 0;
        author.scheduleAtFixedRate(this::tick, 0, sealing == Sealing.INSTANT ? 100 : blockTimeMs,
                TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (sealing == Sealing.INTERVAL || System.currentTimeMillis() - lastBlockAt >= blockTimeMs) {
            sealNow();
        }
    }

    /**
     * Produces one block from the ready pool now (on the caller's thread). Returns its header. The pool lock is
     * held only to pick the transactions and to clean up afterwards, so submissions (and their signature checks)
     * go on while the block executes and is written. With instant sealing, while transactions keep arriving the
     * block first waits briefly for more of them (see {@link #BATCH_MAX_WAIT_NS}); a lone one waits about 1 ms.
     */
    public Header sealNow() {
        synchronized (sealLock) {
            return seal();
        }
    }

    private Header seal() {
        if (sealing == Sealing.INSTANT) {
            awaitBatch();
        }
        Chain.Built built;
        List<TxPool.Entry> included = new ArrayList<>();
        List<TxPool.Entry> dropped = new ArrayList<>();
        List<Chain.Rejection> rejections = new ArrayList<>();
        List<Chain.Candidate> candidates;
        synchronized (lock) {
            sealScheduled.set(false);
            List<TxPool.Entry> ready = pool.ready(maxBlockTx);
            candidates = new ArrayList<>(ready.size());
            ready.forEach(e -> candidates.add(new Chain.Candidate(e.checked, e.hash)));
        }
        try {
            built = chain.produce(System.currentTimeMillis(), candidates);
        } catch (RuntimeException e) {
            LOG.error("Block production failed; nothing was committed", e);
            return chain.best();
        }
        lastBlockAt = System.currentTimeMillis();
        synchronized (lock) {
            for (H256 h : built.included()) {
                removeIncluded(h, included);
            }
            for (Chain.Rejection r : built.rejected()) {
                TxPool.Entry e = pool.get(r.hash());
                if (e != null && r.reason().reason() != Invalid.FUTURE) {
                    pool.remove(e);
                    dropped.add(e);
                    rejections.add(r);
                }
            }
            java.util.Set<H256> in = new java.util.HashSet<>(built.included());
            for (Chain.Candidate c : candidates) {
                if (in.contains(c.hash())) {
                    advance(c, built.header().number(), dropped, rejections);
                }
            }
        }
        Header h = built.header();
        if (!built.included().isEmpty() || h.number() % 100 == 0) {
            LOG.info("Sealed block #{} ({}) with {} extrinsic(s)", h.number(), built.hash(), built.body().size());
        }
        // finality follows one block behind, as on a chain with a finality gadget: a client sees InBlock first (and
        // can fetch that block's events) before Finalized ends its subscription (polkadot.js drops an InBlock whose
        // events it has not fetched when Finalized comes straight after)
        for (TxPool.Entry e : awaitingFinality) {
            e.notify(new TxStatus(TxStatus.Kind.FINALIZED, lastBlock, null));
        }
        List<TxPool.Entry> watched = new ArrayList<>();
        for (TxPool.Entry e : included) {
            if (!e.watchers.isEmpty()) {
                e.notify(new TxStatus(TxStatus.Kind.IN_BLOCK, built.hash(), null));
                watched.add(e);
            }
        }
        awaitingFinality = watched;
        lastBlock = built.hash();
        for (int i = 0; i < dropped.size(); i++) {
            dropped.get(i).notify(new TxStatus(TxStatus.Kind.INVALID, null, rejections.get(i).reason().getMessage()));
        }
        notifyHead(h);
        notifyStorage(built.hash(), built.changedKeys());
        return h;
    }

    // bodies of the per-block loops above: methods of their own run often enough to be compiled early

    private void removeIncluded(H256 h, List<TxPool.Entry> included) {
        TxPool.Entry e = pool.get(h);
        if (e != null) {
            pool.remove(e);
            included.add(e);
        }
    }

    private void advance(Chain.Candidate c, long block, List<TxPool.Entry> dropped, List<Chain.Rejection> rejections) {
        for (TxPool.Entry e : pool.advance(c.checked().xt().signer(), c.checked().xt().nonce() + 1)) {
            dropped.add(e);
            rejections.add(new Chain.Rejection(e.hash, new TransactionRejected(Invalid.STALE,
                    "outdated: another transaction with its nonce is in block #" + block)));
        }
    }

    /**
     * Waits while transactions keep arriving (none for {@link #BATCH_IDLE_NS}: go), the pool holds fewer than
     * {@link #BATCH_TARGET} and for at most {@link #BATCH_MAX_WAIT_NS}; returns at once with an empty pool.
     */
    private void awaitBatch() {
        long deadline = System.nanoTime() + BATCH_MAX_WAIT_NS;
        synchronized (lock) {
            while (pool.size() > 0 && pool.size() < Math.min(BATCH_TARGET, maxBlockTx)) {
                long seen = arrivals;
                long now = System.nanoTime();
                long wait = Math.min(BATCH_IDLE_NS, deadline - now);
                if (wait <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (arrivals == seen) {
                    return;
                }
            }
        }
    }

    private void notifyHead(Header h) {
        for (Consumer<Header> l : headListeners) {
            try {
                l.accept(h);
            } catch (RuntimeException e) {
                LOG.warn("head listener failed; removed", e);
                headListeners.remove(l);
            }
        }
    }

    private void notifyStorage(H256 block, java.util.Set<Bytes> changed) {
        for (StorageWatch w : storageWatches) {
            List<StorageChange.Entry> entries = new ArrayList<>();
            for (byte[] k : w.keys()) {
                if (changed.contains(Bytes.wrap(k))) {
                    entries.add(new StorageChange.Entry(k, committedCopy(k)));
                }
            }
            if (!entries.isEmpty()) {
                try {
                    w.listener().accept(new StorageChange(block, entries));
                } catch (RuntimeException e) {
                    LOG.warn("storage listener failed; removed", e);
                    storageWatches.remove(w);
                }
            }
        }
    }

    /** A committed value for callers outside the node: their own copy (the store's may be shared). */
    private byte[] committedCopy(byte[] key) {
        byte[] v = chain.store().get(key);
        return v == null ? null : v.clone();
    }

    private long chainNonce(AccountId who) {
        return Executive.nonceOf(chain.store().asState(), who);
    }

    @Override
    public ChainInfo info() {
        ChainSpec s = chain.spec();
        return new ChainInfo(s.name(), s.id(), s.chainType(), s.properties(), chain.genesisHash(), nodeName,
                "0.1.0");
    }

    @Override
    public RuntimeVersion runtimeVersion() {
        return chain.modules().version();
    }

    @Override
    public Header bestHeader() {
        return chain.best();
    }

    @Override
    public H256 finalizedHash() {
        return chain.bestHash();
    }

    @Override
    public Optional<H256> blockHash(long number) {
        return chain.store().hashOf(number);
    }

    @Override
    public Optional<Header> header(H256 hash) {
        return chain.store().header(hash);
    }

    @Override
    public Optional<List<byte[]>> blockBody(H256 hash) {
        return chain.store().body(hash);
    }

    @Override
    public Optional<byte[]> storage(byte[] key, H256 at) {
        if (at == null || at.equals(chain.bestHash())) {
            return Optional.ofNullable(committedCopy(key));
        }
        Optional<Header> h = header(at);
        return h.map(x -> chain.store().getAt(key, x.number()));
    }

    @Override
    public List<byte[]> storageKeys(byte[] prefix, byte[] startKey, int count, H256 at) {
        return chain.store().keys(prefix, startKey, count);
    }

    @Override
    public H256 submit(byte[] extrinsic) throws TransactionRejected {
        return submitAndWatch(extrinsic, null);
    }

    @Override
    public H256 submitAndWatch(byte[] bytes, Consumer<TxStatus> listener) throws TransactionRejected {
        Extrinsic xt = Executive.decode(bytes);
        H256 hash = xt.hash();
        boolean ready;
        // the signature check is the expensive part: it runs outside the lock, on the submitter's thread
        Executive.Checked c = chain.executive().check(xt, chain.best().number() + 1, true);
        // so does the trial run of a transaction that looks next in line: it only reads the committed state. Under
        // the lock its outcome is used if that state (the best block) and the sender's nonce are still the same.
        Header trialAt = chain.best();
        long expected = chainNonce(xt.signer());
        Trial early = xt.nonce() == expected ? trial(c) : null;
        synchronized (lock) {
            if (pool.contains(hash)) {
                throw new TransactionRejected(Invalid.CUSTOM, 1013, "Transaction Already Imported");
            }
            long onChain = chainNonce(xt.signer());
            if (xt.nonce() < onChain) {
                throw new TransactionRejected(Invalid.STALE, "Transaction is outdated (nonce " + xt.nonce()
                        + " already used; next is " + onChain + ")");
            }
            if (xt.nonce() > onChain + MAX_FUTURE_NONCE_GAP) {
                throw new TransactionRejected(Invalid.FUTURE, "Transaction nonce " + xt.nonce()
                        + " is too far in the future (next is " + onChain + ")");
            }
            if (xt.nonce() == onChain) {
                Trial t = early != null && onChain == expected && chain.best() == trialAt ? early : trial(c);
                t.rethrow();
            }
            TxPool.Entry e = pool.add(hash, c, onChain);
            arrivals++;
            if (listener != null) {
                e.watchers.add(listener);
            }
            ready = pool.ready(e);
            if (listener != null) {
                listener.accept(new TxStatus(ready ? TxStatus.Kind.READY : TxStatus.Kind.FUTURE, null, null));
            }
        }
        if (ready && running && sealing == Sealing.INSTANT && sealScheduled.compareAndSet(false, true)) {
            author.execute(this::sealNow);
        }
        return hash;
    }

    /** The outcome of a trial run: nothing, a refusal, or an unexpected failure (rethrown as such). */
    private record Trial(TransactionRejected refusal, RuntimeException failure) {
        void rethrow() throws TransactionRejected {
            if (failure != null) {
                throw failure;
            }
            if (refusal != null) {
                throw refusal;
            }
        }
    }

    private static final Trial PASSED = new Trial(null, null);

    /** Runs the extrinsic on a scratch copy of the state so that a call bound to fail is refused up front. */
    private Trial trial(Executive.Checked c) {
        BlockContext scratch = chain.scratchContext();
        try {
            DispatchError err = chain.executive().apply(scratch, c, 1);
            return err == null ? PASSED : new Trial(new TransactionRejected(Invalid.CUSTOM, 0,
                    "The call would fail: " + err.description()), null);
        } catch (TransactionRejected e) {
            return new Trial(e, null);
        } catch (RuntimeException e) {
            return new Trial(null, e);
        }
    }

    @Override
    public List<byte[]> pendingExtrinsics() {
        synchronized (lock) {
            List<byte[]> out = new ArrayList<>();
            pool.all().forEach(e -> out.add(e.checked.xt().encoded()));
            return out;
        }
    }

    @Override
    public long accountNextIndex(AccountId account) {
        synchronized (lock) {
            return pool.pendingNonce(account, chainNonce(account));
        }
    }

    @Override
    public FeeInfo queryFee(byte[] extrinsic) throws TransactionRejected {
        return new FeeInfo(Executive.CALL_WEIGHT, 0, 0, apis.fee(extrinsic));
    }

    @Override
    public byte[] call(String method, byte[] data, H256 at) {
        if (at == null || at.equals(chain.bestHash())) {
            return apis.call(method, data, chain.store().asState());
        }
        Header h = header(at).orElseThrow(() -> new IllegalArgumentException("unknown block " + at));
        return apis.call(method, data, chain.store().asStateAt(h.number()));
    }

    @Override
    public Subscription onNewHead(Consumer<Header> listener) {
        headListeners.add(listener);
        return () -> headListeners.remove(listener);
    }

    @Override
    public Subscription onFinalizedHead(Consumer<Header> listener) {
        return onNewHead(listener);
    }

    @Override
    public Subscription onStorage(List<byte[]> keys, Consumer<StorageChange> listener) {
        StorageWatch w = new StorageWatch(List.copyOf(keys), listener);
        List<StorageChange.Entry> now = new ArrayList<>();
        H256 at = chain.bestHash();
        keys.forEach(k -> now.add(new StorageChange.Entry(k, committedCopy(k))));
        storageWatches.add(w);
        listener.accept(new StorageChange(at, now));
        return () -> storageWatches.remove(w);
    }

    @Override
    public java.util.Map<String, Integer> palletIndices() {
        java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
        chain.spec().pallets().forEach(p -> m.put(p.name(), p.index()));
        return m;
    }

    @Override
    public List<org.hamster.chain.EventRecord> events(H256 at) {
        return storage(org.hamster.pallet.system.SystemStorage.EVENTS.key(), at).map(chain::events)
                .orElse(List.of());
    }

    @Override
    public boolean isSyncing() {
        return false;
    }

    @Override
    public int peers() {
        return 0;
    }

    Chain chain() {
        return chain;
    }

    @Override
    public void close() {
        running = false;
        author.shutdownNow();
        try {
            author.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
