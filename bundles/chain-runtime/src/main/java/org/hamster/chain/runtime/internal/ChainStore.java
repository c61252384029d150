package org.hamster.chain.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.support.OverlayState;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.crypto.Blake2b;
import org.hamster.storage.KvEntry;
import org.hamster.storage.KvStore;
import org.hamster.storage.WriteBatch;

/**
 * Blocks and state on a KvStore. Each block is one atomic batch: its header and body, the number index, the new
 * best pointer, the state changes, their history versions (for reads at past blocks) and the state-root index.
 */
final class ChainStore implements OverlayState.Base {
    static final String STATE = "state";
    static final String HISTORY = "history";
    static final String ROOT_INDEX = "rootindex";
    static final String HEADERS = "headers";
    static final String BODIES = "bodies";
    static final String NUMBERS = "numbers";
    static final String META = "meta";
    private static final byte[] BEST = "best".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PRESENT = {1};
    private static final byte[] ABSENT = {0};

    /** Upper bound of the root-index entries (64 bytes each) kept in memory, least recently used out first. */
    static final int BUCKET_CACHE_ENTRIES = 1 << 17;

    private final KvStore kv;
    /** The committed state root; only block production (one thread at a time) reads and changes it. */
    private final StateRoot root = new StateRoot();
    /** Committed values of state keys, so that reads mostly skip the store. */
    private final StateCache cache;
    /**
     * Contents of recently used state-root buckets as in the root index: sorted (key hash ++ value hash) entries.
     * Only block production (one thread at a time) uses it; it changes only when a block is committed.
     */
    private final BucketCache buckets;

    ChainStore(KvStore kv) {
        this(kv, StateCache.DEFAULT_MAX_BYTES, BUCKET_CACHE_ENTRIES);
    }

    /** With cache bounds of its own (tests). */
    ChainStore(KvStore kv, long stateCacheBytes, int bucketCacheEntries) {
        this.kv = kv;
        this.cache = new StateCache(stateCacheBytes);
        this.buckets = new BucketCache(bucketCacheEntries);
        loadRoot();
    }

    private void loadRoot() {
        int[] current = {-1};
        List<byte[]> entries = new ArrayList<>();
        kv.forEach(ROOT_INDEX, new byte[0], (k, v) -> {
            int b = ((k[0] & 0xff) << 8) | (k[1] & 0xff);
            if (b != current[0] && current[0] >= 0) {
                loadBucket(current[0], entries);
                entries.clear();
            }
            current[0] = b;
            entries.add(StateRoot.concat(java.util.Arrays.copyOfRange(k, 2, 34), v));
            return true;
        });
        if (current[0] >= 0) {
            loadBucket(current[0], entries);
        }
        root.rebuild();
    }

    private void loadBucket(int b, List<byte[]> entries) {
        root.load(b, StateRoot.bucketHash(entries));
        if (buckets.size() + entries.size() <= buckets.capacity()) {
            buckets.put(b, entries.toArray(new byte[0][]));
        }
    }

    private static final byte[] CHAIN_ID = "chainId".getBytes(StandardCharsets.UTF_8);

    Optional<String> chainId() {
        return Optional.ofNullable(kv.get(META, CHAIN_ID)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** Genesis only: records which chain spec this store belongs to, in the same atomic batch as block 0. */
    private String pendingChainId;

    void chainId(String id) {
        pendingChainId = id;
    }

    Optional<H256> best() {
        return Optional.ofNullable(kv.get(META, BEST)).map(H256::of);
    }

    Optional<Header> header(H256 hash) {
        return Optional.ofNullable(kv.get(HEADERS, hash.toArray())).map(Header.CODEC::decodeAll);
    }

    Optional<List<byte[]>> body(H256 hash) {
        return Optional.ofNullable(kv.get(BODIES, hash.toArray())).map(ChainStore::decodeBody);
    }

    Optional<H256> hashOf(long number) {
        return Optional.ofNullable(kv.get(NUMBERS, be32(number))).map(H256::of);
    }

    /**
     * The committed value of a state key, or null. The array may be shared (it comes from a cache of the committed
     * state): callers must not modify it.
     */
    @Override
    public byte[] get(byte[] key) {
        return cache.get(key, this::load);
    }

    private byte[] load(byte[] key) {
        return kv.get(STATE, key);
    }

    @Override
    public List<byte[]> keys(byte[] prefix, byte[] startAfter, int limit) {
        List<byte[]> out = new ArrayList<>();
        for (KvEntry e : kv.scan(STATE, prefix, startAfter, limit)) {
            out.add(e.key());
        }
        return out;
    }

    /** The value of {@code key} as of block {@code number}, from the history column. */
    byte[] getAt(byte[] key, long number) {
        byte[] kh = Blake2b.hash256(key);
        byte[] after = StateRoot.concat(kh, be32(0xffffffffL - number - 1));
        List<KvEntry> hit = kv.scan(HISTORY, kh, number == 0xffffffffL ? null : after, 1);
        if (hit.isEmpty()) {
            return null;
        }
        byte[] v = hit.get(0).value();
        return v[0] == 0 ? null : java.util.Arrays.copyOfRange(v, 1, v.length);
    }

    /**
     * What committing some state changes will do: the new root (the tree nodes to replace), the root-index updates,
     * the new contents of the touched buckets and the hash of each changed key (in the changes' order).
     */
    record Prepared(NavigableMap<Bytes, byte[]> changes, byte[][] keyHashes, StateRoot.Update rootUpdate,
            WriteBatch indexOps, Map<Integer, byte[][]> bucketContents) {
        byte[] hash() {
            return rootUpdate.root().clone();
        }
    }

    /** Computes the state root the given changes would produce, without changing anything. */
    Prepared prepare(NavigableMap<Bytes, byte[]> changes) {
        WriteBatch ops = new WriteBatch();
        byte[][] keyHashes = new byte[changes.size()][];
        Map<Integer, List<byte[]>> dirty = new java.util.HashMap<>();
        int i = 0;
        for (Map.Entry<Bytes, byte[]> e : changes.entrySet()) {
            keyHashes[i++] = prepareChange(e.getKey(), e.getValue(), dirty, ops);
        }
        Map<Integer, byte[]> hashes = new java.util.HashMap<>();
        Map<Integer, byte[][]> contents = new java.util.HashMap<>();
        for (Map.Entry<Integer, List<byte[]>> d : dirty.entrySet()) {
            hashBucket(d.getKey(), d.getValue(), hashes, contents);
        }
        return new Prepared(changes, keyHashes, root.prepare(hashes), ops, contents);
    }

    /*
     * The bodies of the per-block loops over the changes are methods of their own: they run hundreds of times per
     * block and are compiled early, where the loops would run interpreted for a long time (few blocks are sealed
     * compared with the JIT's thresholds).
     */

    /** Applies one change to its (copied) bucket and the root-index updates; returns the key's hash. */
    private byte[] prepareChange(Bytes key, byte[] value, Map<Integer, List<byte[]>> dirty, WriteBatch ops) {
        byte[] kh = Blake2b.hash256(key.unsafeArray());
        List<byte[]> bucket = dirty.computeIfAbsent(StateRoot.bucketOf(kh), this::bucketCopy);
        byte[] indexKey = StateRoot.concat(new byte[] {kh[0], kh[1]}, kh);
        int at = find(bucket, kh);
        if (value == OverlayState.TOMBSTONE) {
            if (at >= 0) {
                bucket.remove(at);
            }
            ops.delete(ROOT_INDEX, indexKey);
        } else {
            byte[] vh = Blake2b.hash256(value);
            byte[] entry = StateRoot.concat(kh, vh);
            if (at >= 0) {
                bucket.set(at, entry);
            } else {
                bucket.add(-at - 1, entry);
            }
            ops.put(ROOT_INDEX, indexKey, vh);
        }
        return kh;
    }

    private static void hashBucket(int b, List<byte[]> bucket, Map<Integer, byte[]> hashes,
            Map<Integer, byte[][]> contents) {
        byte[][] entries = bucket.toArray(new byte[0][]);
        contents.put(b, entries);
        hashes.put(b, StateRoot.bucketHash(java.util.Arrays.asList(entries)));
    }

    /** Index of the entry with key hash {@code kh} in a sorted bucket, or (-(insertion point) - 1). */
    private static int find(List<byte[]> bucket, byte[] kh) {
        int lo = 0;
        int hi = bucket.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = java.util.Arrays.compareUnsigned(bucket.get(mid), 0, 32, kh, 0, 32);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    byte[] root() {
        return root.root();
    }

    /** Commits a block and its state changes atomically, then advances the in-memory root and caches. */
    void commit(Header header, H256 hash, List<byte[]> body, NavigableMap<Bytes, byte[]> changes, Prepared prepared) {
        WriteBatch batch = new WriteBatch();
        long n = header.number();
        byte[][] keyHashes = prepared.changes() == changes && prepared.keyHashes().length == changes.size()
                ? prepared.keyHashes() : null;
        byte[] suffix = be32(0xffffffffL - n);
        int i = 0;
        for (Map.Entry<Bytes, byte[]> e : changes.entrySet()) {
            addChange(batch, e.getKey().unsafeArray(), e.getValue(), keyHashes != null ? keyHashes[i++] : null, suffix);
        }
        for (WriteBatch.Op op : prepared.indexOps()) {
            addOp(batch, op);
        }
        batch.put(HEADERS, hash.toArray(), header.encoded());
        batch.put(BODIES, hash.toArray(), encodeBody(body));
        batch.put(NUMBERS, be32(n), hash.toArray());
        batch.put(META, BEST, hash.toArray());
        if (pendingChainId != null) {
            batch.put(META, CHAIN_ID, pendingChainId.getBytes(StandardCharsets.UTF_8));
            pendingChainId = null;
        }
        kv.commit(batch);
        root.apply(prepared.rootUpdate());
        prepared.bucketContents().forEach(buckets::put);
        cache.committed(changes);
    }

    /** The state write and history version of one change; {@code keyHash} null: computed here. */
    private static void addChange(WriteBatch batch, byte[] key, byte[] value, byte[] keyHash, byte[] suffix) {
        byte[] histKey = StateRoot.concat(keyHash != null ? keyHash : Blake2b.hash256(key), suffix);
        if (value == OverlayState.TOMBSTONE) {
            batch.delete(STATE, key);
            batch.put(HISTORY, histKey, ABSENT);
        } else {
            batch.put(STATE, key, value);
            batch.put(HISTORY, histKey, StateRoot.concat(PRESENT, value));
        }
    }

    private static void addOp(WriteBatch batch, WriteBatch.Op op) {
        if (op.isDelete()) {
            batch.delete(op.column(), op.key());
        } else {
            batch.put(op.column(), op.key(), op.value());
        }
    }

    /** A bucket's sorted (key hash ++ value hash) entries, as a list the caller may change. */
    private List<byte[]> bucketCopy(int b) {
        byte[][] cached = buckets.get(b);
        if (cached != null) {
            return new ArrayList<>(java.util.Arrays.asList(cached));
        }
        List<byte[]> entries = new ArrayList<>();
        kv.forEach(ROOT_INDEX, new byte[] {(byte) (b >> 8), (byte) b}, (k, v) -> {
            entries.add(StateRoot.concat(java.util.Arrays.copyOfRange(k, 2, 34), v));
            return true;
        });
        return entries;
    }

    static byte[] be32(long n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    static byte[] encodeBody(List<byte[]> xts) {
        ScaleWriter w = new ScaleWriter();
        w.compact(xts.size());
        xts.forEach(w::bytes);
        return w.toByteArray();
    }

    /** Body entries are opaque extrinsics, each carrying its own compact length prefix. */
    static List<byte[]> decodeBody(byte[] raw) {
        ScaleReader r = new ScaleReader(raw);
        int n = r.compactLength();
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int start = r.position();
            int len = r.compactLength();
            r.bytes(len);
            out.add(r.copyRange(start, r.position() - start));
        }
        r.expectEnd();
        return out;
    }

    /** The committed state as a read-only State (writes are refused). */
    org.hamster.chain.spi.State asState() {
        return new OverlayState(this);
    }

    /**
     * The state as it was after block {@code number} (runtime API calls at a past block): values from the history;
     * listing keys is not kept for past blocks and fails with IllegalArgumentException.
     */
    org.hamster.chain.spi.State asStateAt(long number) {
        return new OverlayState(new OverlayState.Base() {
            @Override
            public byte[] get(byte[] key) {
                return getAt(key, number);
            }

            @Override
            public List<byte[]> keys(byte[] prefix, byte[] startAfter, int limit) {
                throw new IllegalArgumentException("the keys of a past block's state are not kept; call at the best "
                        + "block");
            }
        });
    }
}
