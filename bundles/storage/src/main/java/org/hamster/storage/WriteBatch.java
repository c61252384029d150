package org.hamster.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.hamster.common.Hex;

/**
 * An ordered list of puts and deletes to commit atomically with {@link KvStore#commit}. Keys and
 * values are copied when added, so callers may reuse their buffers. Not thread-safe.
 */
public final class WriteBatch implements Iterable<WriteBatch.Op> {

    /** One operation; {@code value} is null for a delete. */
    public record Op(String column, byte[] key, byte[] value) {

        public boolean isDelete() {
            return value == null;
        }

        @Override
        public String toString() {
            return isDelete()
                    ? "delete " + column + "/" + Hex.encode(key)
                    : "put " + column + "/" + Hex.encode(key) + "=" + Hex.encode(value);
        }
    }

    private final List<Op> ops = new ArrayList<>();

    /** Stores {@code value} under {@code key} in {@code column}. */
    public WriteBatch put(String column, byte[] key, byte[] value) {
        Objects.requireNonNull(value, "value");
        ops.add(new Op(checkColumn(column), Objects.requireNonNull(key, "key").clone(), value.clone()));
        return this;
    }

    /** Removes {@code key} from {@code column}; deleting an absent key is not an error. */
    public WriteBatch delete(String column, byte[] key) {
        ops.add(new Op(checkColumn(column), Objects.requireNonNull(key, "key").clone(), null));
        return this;
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }

    public int size() {
        return ops.size();
    }

    /** The operations in the order they were added. The arrays must not be modified. */
    @Override
    public Iterator<Op> iterator() {
        return Collections.unmodifiableList(ops).iterator();
    }

    @Override
    public String toString() {
        return "WriteBatch" + ops;
    }

    private static String checkColumn(String column) {
        if (Objects.requireNonNull(column, "column").isEmpty()) {
            throw new IllegalArgumentException("empty column name");
        }
        return column;
    }
}
