package org.hamster.chain.runtime.internal;

import java.util.Arrays;
import org.hamster.crypto.Blake2b;

/**
 * Commitment to the whole key-value state: entries are grouped into 65,536 buckets by the first two bytes of
 * blake2b-256(key); a bucket's hash is blake2b-256 over its entries (key hash, value hash) sorted by key hash; the
 * root is a binary Merkle tree over the bucket hashes (an empty bucket hashes to zero). A block only rehashes the
 * buckets it touched and their 16 ancestors.
 */
final class StateRoot {
    static final int BUCKETS = 1 << 16;
    private static final byte[] EMPTY = new byte[32];
    /** Heap-ordered tree: node i has children 2i and 2i+1; leaves at BUCKETS..2*BUCKETS-1. */
    private final byte[][] tree = new byte[2 * BUCKETS][];

    StateRoot() {
        Arrays.fill(tree, EMPTY);
    }

    static int bucketOf(byte[] keyHash) {
        return ((keyHash[0] & 0xff) << 8) | (keyHash[1] & 0xff);
    }

    /** Sets a bucket's hash without recomputing parents (bulk load); call {@link #rebuild()} afterwards. */
    void load(int bucket, byte[] hash) {
        tree[BUCKETS + bucket] = hash;
    }

    void rebuild() {
        for (int i = BUCKETS - 1; i >= 1; i--) {
            tree[i] = node(tree[2 * i], tree[2 * i + 1]);
        }
    }

    byte[] root() {
        return tree[1].clone();
    }

    /**
     * The nodes that replacing some bucket hashes would change, bottom-up, ending with the root; computed without
     * touching this tree (see {@link #apply}). Each ancestor is hashed once however many of its buckets changed.
     */
    record Update(int[] nodes, byte[][] hashes, byte[] root) {
    }

    Update prepare(java.util.Map<Integer, byte[]> buckets) {
        if (buckets.isEmpty()) {
            return new Update(new int[0], new byte[0][], tree[1]);
        }
        int n = buckets.size();
        int[] idx = new int[n];
        int k = 0;
        for (Integer b : buckets.keySet()) {
            idx[k++] = BUCKETS + b;
        }
        Arrays.sort(idx);
        byte[][] val = new byte[n][];
        for (int i = 0; i < n; i++) {
            val[i] = buckets.get(idx[i] - BUCKETS);
        }
        // every level's changed nodes in ascending order: a node's sibling, if changed too, is its neighbour
        int[] allNodes = new int[n * 17];
        byte[][] allHashes = new byte[n * 17][];
        int total = 0;
        while (true) {
            System.arraycopy(idx, 0, allNodes, total, n);
            System.arraycopy(val, 0, allHashes, total, n);
            total += n;
            if (idx[0] == 1) {
                break;
            }
            int m = 0;
            for (int j = 0; j < n; ) {
                int i = idx[j];
                byte[] l;
                byte[] r;
                if ((i & 1) == 0) {
                    l = val[j];
                    if (j + 1 < n && idx[j + 1] == i + 1) {
                        r = val[j + 1];
                        j += 2;
                    } else {
                        r = tree[i + 1];
                        j++;
                    }
                } else {
                    l = tree[i - 1];
                    r = val[j];
                    j++;
                }
                idx[m] = i >> 1;
                val[m] = node(l, r);
                m++;
            }
            n = m;
        }
        return new Update(Arrays.copyOf(allNodes, total), Arrays.copyOf(allHashes, total), allHashes[total - 1]);
    }

    /** Applies an update computed by {@link #prepare} on this tree, as it was then. */
    void apply(Update u) {
        for (int i = 0; i < u.nodes().length; i++) {
            tree[u.nodes()[i]] = u.hashes()[i];
        }
    }

    private static byte[] node(byte[] l, byte[] r) {
        if (l == EMPTY && r == EMPTY) {
            return EMPTY;
        }
        return Blake2b.hash256(concat(l, r));
    }

    /** Hash of one bucket from its sorted (keyHash ++ valueHash) entries. */
    static byte[] bucketHash(java.util.List<byte[]> sortedEntries) {
        return sortedEntries.isEmpty() ? EMPTY : Blake2b.hash(32, null, sortedEntries.toArray(new byte[0][]));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
