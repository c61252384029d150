package org.hamster.chain.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hamster.chain.support.OverlayState;
import org.hamster.common.Bytes;

/** The committed state of a harness: a sorted in-memory map under each block's overlay. */
final class MemoryBase implements OverlayState.Base {
    private final NavigableMap<Bytes, byte[]> data = new TreeMap<>();

    @Override
    public byte[] get(byte[] key) {
        byte[] v = data.get(Bytes.wrap(key));
        return v == null ? null : v.clone();
    }

    @Override
    public List<byte[]> keys(byte[] prefix, byte[] startAfter, int limit) {
        NavigableMap<Bytes, byte[]> tail = startAfter == null ? data.tailMap(Bytes.wrap(prefix), true)
                : data.tailMap(Bytes.wrap(startAfter), false);
        List<byte[]> out = new ArrayList<>();
        for (Bytes k : tail.keySet()) {
            if (out.size() >= limit || !k.startsWith(prefix)) {
                break;
            }
            out.add(k.toArray());
        }
        return out;
    }

    /** Applies a block's net changes; tombstones delete. */
    void commit(Map<Bytes, byte[]> changes) {
        changes.forEach((k, v) -> {
            if (v == OverlayState.TOMBSTONE) {
                data.remove(k);
            } else {
                data.put(k, v.clone());
            }
        });
    }
}
