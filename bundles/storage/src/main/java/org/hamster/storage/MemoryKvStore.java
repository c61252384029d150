package org.hamster.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * A {@link KvStore} in memory, for unit tests and test harnesses; it is "durable" only for the
 * lifetime of the object.
 *
 * <p>Copy-on-write: the state is an immutable map of immutable columns behind a volatile field, so
 * reads take no lock and every read call (including a whole {@link #forEach}) sees one snapshot.
 * A commit copies the columns it touches, which is cheap at test sizes but linear in the size of
 * those columns.
 */
public final class MemoryKvStore implements KvStore {

    private static final NavigableMap<byte[], byte[]> EMPTY =
            Collections.unmodifiableNavigableMap(new TreeMap<>(Arrays::compareUnsigned));

    private final Object commitLock = new Object();
    private volatile Map<String, NavigableMap<byte[], byte[]>> columns = Map.of();
    private volatile boolean closed;

    @Override
    public byte[] get(String column, byte[] key) {
        Objects.requireNonNull(key, "key");
        byte[] value = column(column).get(key);
        return value == null ? null : value.clone();
    }

    @Override
    public List<KvEntry> scan(String column, byte[] prefix, byte[] startAfter, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit " + limit);
        }
        NavigableMap<byte[], byte[]> from = column(column).tailMap(prefix, true);
        if (startAfter != null && Arrays.compareUnsigned(startAfter, prefix) >= 0) {
            from = from.tailMap(startAfter, false);
        }
        List<KvEntry> out = new ArrayList<>(Math.min(limit, 64));
        for (Map.Entry<byte[], byte[]> e : from.entrySet()) {
            if (out.size() == limit || !startsWith(e.getKey(), prefix)) {
                break;
            }
            out.add(new KvEntry(e.getKey().clone(), e.getValue().clone()));
        }
        return out;
    }

    @Override
    public void forEach(String column, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(visitor, "visitor");
        for (Map.Entry<byte[], byte[]> e : column(column).tailMap(prefix, true).entrySet()) {
            if (!startsWith(e.getKey(), prefix) || !visitor.test(e.getKey().clone(), e.getValue().clone())) {
                return;
            }
        }
    }

    @Override
    public void commit(WriteBatch batch) {
        Objects.requireNonNull(batch, "batch");
        synchronized (commitLock) {
            checkOpen();
            if (batch.isEmpty()) {
                return;
            }
            Map<String, NavigableMap<byte[], byte[]>> next = new HashMap<>(columns);
            Map<String, TreeMap<byte[], byte[]>> copied = new HashMap<>();
            for (WriteBatch.Op op : batch) {
                TreeMap<byte[], byte[]> target = copied.computeIfAbsent(op.column(), name -> {
                    NavigableMap<byte[], byte[]> old = next.get(name);
                    return old == null ? new TreeMap<>(Arrays::compareUnsigned) : new TreeMap<>(old);
                });
                if (op.isDelete()) {
                    target.remove(op.key());
                } else {
                    target.put(op.key(), op.value());
                }
            }
            copied.forEach((name, map) -> next.put(name, Collections.unmodifiableNavigableMap(map)));
            columns = Map.copyOf(next);
        }
    }

    @Override
    public void close() {
        synchronized (commitLock) {
            closed = true;
            columns = Map.of();
        }
    }

    private NavigableMap<byte[], byte[]> column(String column) {
        Objects.requireNonNull(column, "column");
        checkOpen();
        NavigableMap<byte[], byte[]> map = columns.get(column);
        return map == null ? EMPTY : map;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
