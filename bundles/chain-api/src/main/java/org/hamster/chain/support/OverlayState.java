package org.hamster.chain.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hamster.chain.spi.State;
import org.hamster.common.Bytes;

/**
 * Pending writes of a block on top of a read-only base, with nested transactional layers: {@link #begin()} opens
 * a layer, {@link #commitLayer()} folds it into its parent and {@link #rollback()} discards it. A deleted key is
 * kept as {@link #TOMBSTONE} until the block's changes are taken with {@link #changes()}.
 */
public final class OverlayState implements State {
    /** The value recorded for a key deleted in this overlay. */
    public static final byte[] TOMBSTONE = new byte[0];

    /** Committed state underneath. */
    public interface Base {
        byte[] get(byte[] key);

        List<byte[]> keys(byte[] prefix, byte[] startAfter, int limit);
    }

    private final Base base;
    private final NavigableMap<Bytes, byte[]> writes = new TreeMap<>();
    /** For each open layer: previous overlay values of keys it touched (null = key was not in the overlay). */
    private final Deque<Map<Bytes, byte[]>> undo = new ArrayDeque<>();

    public OverlayState(Base base) {
        this.base = base;
    }

    @Override
    public byte[] get(byte[] key) {
        byte[] v = writes.get(Bytes.wrap(key));
        if (v != null) {
            return v == TOMBSTONE ? null : v;
        }
        return base.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
        if (value == TOMBSTONE) {
            value = new byte[0];
        }
        record(Bytes.of(key), value.clone());
    }

    @Override
    public void delete(byte[] key) {
        record(Bytes.of(key), TOMBSTONE);
    }

    private void record(Bytes k, byte[] v) {
        byte[] prev = writes.put(k, v);
        Map<Bytes, byte[]> layer = undo.peek();
        if (layer != null && !layer.containsKey(k)) {
            layer.put(k, prev);
        }
    }

    public void begin() {
        undo.push(new HashMap<>());
    }

    public void commitLayer() {
        Map<Bytes, byte[]> done = undo.pop();
        Map<Bytes, byte[]> parent = undo.peek();
        if (parent != null) {
            done.forEach(parent::putIfAbsent);
        }
    }

    public void rollback() {
        for (Map.Entry<Bytes, byte[]> e : undo.pop().entrySet()) {
            if (e.getValue() == null) {
                writes.remove(e.getKey());
            } else {
                writes.put(e.getKey(), e.getValue());
            }
        }
    }

    public int depth() {
        return undo.size();
    }

    /** The block's net changes in key order; deleted keys map to {@link #TOMBSTONE}. */
    public NavigableMap<Bytes, byte[]> changes() {
        if (!undo.isEmpty()) {
            throw new IllegalStateException("open transactional layers: " + undo.size());
        }
        return writes;
    }

    @Override
    public List<byte[]> keys(byte[] prefix, byte[] startAfter, int limit) {
        // merge the base's keys with the overlay's, skipping deleted ones; fetch more from the base as needed
        List<byte[]> out = new ArrayList<>();
        byte[] cursor = startAfter;
        Bytes pfx = Bytes.wrap(prefix);
        while (out.size() < limit) {
            List<byte[]> fromBase = base.keys(prefix, cursor, limit - out.size());
            Bytes upper = fromBase.size() < limit - out.size() ? null : Bytes.wrap(fromBase.get(fromBase.size() - 1));
            TreeMap<Bytes, Boolean> merged = new TreeMap<>();
            fromBase.forEach(k -> merged.put(Bytes.wrap(k), Boolean.TRUE));
            NavigableMap<Bytes, byte[]> tail = cursor == null ? writes.tailMap(pfx, true)
                    : writes.tailMap(Bytes.wrap(cursor), false);
            for (Map.Entry<Bytes, byte[]> e : tail.entrySet()) {
                if (!e.getKey().startsWith(prefix) || (upper != null && e.getKey().compareTo(upper) > 0)) {
                    break;
                }
                merged.put(e.getKey(), e.getValue() != TOMBSTONE);
            }
            for (Map.Entry<Bytes, Boolean> e : merged.entrySet()) {
                if (e.getValue() && out.size() < limit) {
                    out.add(e.getKey().toArray());
                }
            }
            if (upper == null) {
                break;
            }
            cursor = upper.toArray();
            if (!out.isEmpty() && Arrays.compareUnsigned(out.get(out.size() - 1), cursor) > 0) {
                break;
            }
        }
        return out;
    }
}
