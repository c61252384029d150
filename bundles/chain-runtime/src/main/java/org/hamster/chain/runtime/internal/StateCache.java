package org.hamster.chain.runtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hamster.chain.support.OverlayState;
import org.hamster.common.Bytes;

/**
 * Values of the committed state (including "absent"), read through to the store on a miss and written through
 * when a block is committed, so that the state the runtime reads mostly comes from memory. Bounded by an estimate
 * of its footprint: when full, it is emptied. Thread-safe.
 *
 * <p>A value loaded from the store is kept only if no block was committed since the load began; a commit replaces
 * the values of the keys it changed. So the cache never holds a value older than the store's.
 */
final class StateCache {
    /** Default footprint bound. */
    static final long DEFAULT_MAX_BYTES = 32L << 20;
    /** Larger values (e.g. a block's events) are not kept. */
    static final int MAX_VALUE = 16 << 10;
    /** Rough per-entry overhead: map node, key object and array headers. */
    private static final int OVERHEAD = 112;
    /** Marks a key known to be absent (compared by identity). */
    private static final byte[] ABSENT = new byte[0];

    private final ConcurrentHashMap<Bytes, byte[]> map = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final long maxBytes;
    /** Number of commits so far; guarded by lock for writes. */
    private volatile long generation;
    /** Estimated footprint; guarded by lock. */
    private long bytes;

    StateCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The committed value of {@code key} (null if absent); the array is shared and must not be modified. */
    byte[] get(byte[] key, Function<byte[], byte[]> loader) {
        byte[] v = map.get(Bytes.wrap(key));
        if (v != null) {
            return v == ABSENT ? null : v;
        }
        long g = generation;
        byte[] loaded = loader.apply(key);
        if (loaded == null || loaded.length <= MAX_VALUE) {
            synchronized (lock) {
                if (generation == g) {
                    putLocked(Bytes.of(key), loaded == null ? ABSENT : loaded);
                }
            }
        }
        return loaded;
    }

    /** Records a committed block's changes (deleted keys map to {@link OverlayState#TOMBSTONE}). */
    void committed(Map<Bytes, byte[]> changes) {
        synchronized (lock) {
            generation++;
            for (Map.Entry<Bytes, byte[]> e : changes.entrySet()) {
                byte[] v = e.getValue();
                if (v == OverlayState.TOMBSTONE) {
                    putLocked(e.getKey(), ABSENT);
                } else if (v.length <= MAX_VALUE) {
                    putLocked(e.getKey(), v);
                } else {
                    byte[] old = map.remove(e.getKey());
                    if (old != null) {
                        bytes -= cost(e.getKey(), old);
                    }
                }
            }
        }
    }

    private void putLocked(Bytes key, byte[] value) {
        byte[] old = map.put(key, value);
        bytes += cost(key, value) - (old == null ? 0 : cost(key, old));
        if (bytes > maxBytes) {
            map.clear();
            bytes = 0;
        }
    }

    private static long cost(Bytes key, byte[] value) {
        return OVERHEAD + key.length() + value.length;
    }

    int size() {
        return map.size();
    }
}
