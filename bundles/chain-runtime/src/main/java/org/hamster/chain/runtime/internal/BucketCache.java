package org.hamster.chain.runtime.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Contents of state-root buckets (sorted key-hash/value-hash entries), least recently used out first once more
 * than {@code capacity} entries in all are held. Not thread-safe: only block production uses it.
 */
final class BucketCache {
    private final int capacity;
    private int size;
    private final LinkedHashMap<Integer, byte[][]> map = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[][]> eldest) {
            if (size > capacity) {
                size -= eldest.getValue().length;
                return true;
            }
            return false;
        }
    };

    BucketCache(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return size;
    }

    byte[][] get(int bucket) {
        return map.get(bucket);
    }

    void put(int bucket, byte[][] entries) {
        size += entries.length;
        byte[][] old = map.put(bucket, entries);
        if (old != null) {
            size -= old.length;
        }
        // removeEldestEntry drops at most one per put: shrink further if one large bucket came in
        var it = map.entrySet().iterator();
        while (size > capacity && it.hasNext()) {
            Map.Entry<Integer, byte[][]> e = it.next();
            if (e.getKey() == bucket) {
                continue;
            }
            size -= e.getValue().length;
            it.remove();
        }
    }
}
