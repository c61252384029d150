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

    private final KvStore kv;
    private volatile StateRoot root = new StateRoot();

    ChainStore(KvStore kv) {
        this.kv = kv;
        loadRoot();
    }

    private void loadRoot() {
        int[] current = {-1};
        List<byte[]> entries = new ArrayList<>();
        kv.forEach(ROOT_INDEX, new byte[0], (k, v) -> {
            int b = ((k[0] & 0xff) << 8) | (k[1] & 0xff);
            if (b != current[0] && current[0] >= 0) {
                root.load(current[0], StateRoot.bucketHash(entries));
                entries.clear();
            }
            current[0] = b;
            entries.add(StateRoot.concat(java.util.Arrays.copyOfRange(k, 2, 34), v));
            return true;
        });
        if (current[0] >= 0) {
            root.load(current[0], StateRoot.bucketHash(entries));
        }
        root.rebuild();
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

    @Override
    public byte[] get(byte[] key) {
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

    /** What committing some state changes will do to the state root: the new root and its index updates. */
    record Prepared(StateRoot root, WriteBatch indexOps) {
        byte[] hash() {
            return root.root();
        }
    }

    /** Computes the state root the given changes would produce, without committing anything. */
    Prepared prepare(NavigableMap<Bytes, byte[]> changes) {
        StateRoot candidate = root.copy();
        WriteBatch ops = new WriteBatch();
        applyToRoot(candidate, changes, ops);
        return new Prepared(candidate, ops);
    }

    byte[] root() {
        return root.root();
    }

    /** Commits a block and its state changes atomically, then advances the in-memory root. */
    void commit(Header header, H256 hash, List<byte[]> body, NavigableMap<Bytes, byte[]> changes, Prepared prepared) {
        WriteBatch batch = new WriteBatch();
        long n = header.number();
        for (Map.Entry<Bytes, byte[]> e : changes.entrySet()) {
            byte[] key = e.getKey().unsafeArray();
            byte[] value = e.getValue();
            byte[] histKey = StateRoot.concat(Blake2b.hash256(key), be32(0xffffffffL - n));
            if (value == OverlayState.TOMBSTONE) {
                batch.delete(STATE, key);
                batch.put(HISTORY, histKey, ABSENT);
            } else {
                batch.put(STATE, key, value);
                batch.put(HISTORY, histKey, StateRoot.concat(PRESENT, value));
            }
        }
        for (WriteBatch.Op op : prepared.indexOps()) {
            if (op.isDelete()) {
                batch.delete(op.column(), op.key());
            } else {
                batch.put(op.column(), op.key(), op.value());
            }
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
        root = prepared.root();
    }

    /**
     * Updates the root index for the changed keys and rehashes their buckets. With a batch, the index changes are
     * written to it; without one (candidate roots) the index is only read.
     */
    private void applyToRoot(StateRoot target, NavigableMap<Bytes, byte[]> changes, WriteBatch batch) {
        java.util.Map<Integer, java.util.TreeMap<Bytes, byte[]>> dirty = new java.util.HashMap<>();
        for (Map.Entry<Bytes, byte[]> e : changes.entrySet()) {
            byte[] kh = Blake2b.hash256(e.getKey().unsafeArray());
            int b = StateRoot.bucketOf(kh);
            java.util.TreeMap<Bytes, byte[]> bucket = dirty.computeIfAbsent(b, this::readBucket);
            byte[] indexKey = StateRoot.concat(new byte[] {kh[0], kh[1]}, kh);
            if (e.getValue() == OverlayState.TOMBSTONE) {
                bucket.remove(Bytes.wrap(kh));
                if (batch != null) {
                    batch.delete(ROOT_INDEX, indexKey);
                }
            } else {
                byte[] vh = Blake2b.hash256(e.getValue());
                bucket.put(Bytes.wrap(kh), vh);
                if (batch != null) {
                    batch.put(ROOT_INDEX, indexKey, vh);
                }
            }
        }
        Map<Integer, byte[]> hashes = new java.util.HashMap<>();
        for (Map.Entry<Integer, java.util.TreeMap<Bytes, byte[]>> d : dirty.entrySet()) {
            List<byte[]> entries = new ArrayList<>(d.getValue().size());
            d.getValue().forEach((k, v) -> entries.add(StateRoot.concat(k.unsafeArray(), v)));
            hashes.put(d.getKey(), StateRoot.bucketHash(entries));
        }
        target.updateAll(hashes);
    }

    private java.util.TreeMap<Bytes, byte[]> readBucket(int b) {
        java.util.TreeMap<Bytes, byte[]> m = new java.util.TreeMap<>();
        kv.forEach(ROOT_INDEX, new byte[] {(byte) (b >> 8), (byte) b}, (k, v) -> {
            m.put(Bytes.wrap(java.util.Arrays.copyOfRange(k, 2, 34)), v);
            return true;
        });
        return m;
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
}
