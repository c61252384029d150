package org.hamster.storage;

import java.util.List;
import java.util.function.BiPredicate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An ordered, persistent, multi-column key-value database.
 *
 * <ul>
 *   <li>A <em>column</em> is a named, independent key space (a non-empty string). Columns are
 *       created by the first commit that writes to them; reading a column that was never
 *       written behaves as reading an empty one.</li>
 *   <li>Keys are ordered by unsigned lexicographic byte order ({@link java.util.Arrays#compareUnsigned}),
 *       so {@code 0x7f < 0x80 < 0xff} and a proper prefix sorts before its extensions.</li>
 *   <li>Keys and values are never null. Values may be empty; keys may be empty too.</li>
 *   <li>Writes happen only through {@link #commit(WriteBatch)}, which is atomic and durable.</li>
 *   <li>Every read call sees one consistent snapshot: a concurrent commit is visible either
 *       completely or not at all for the whole call.</li>
 *   <li>Arrays passed in are never retained; arrays handed out are fresh copies.</li>
 *   <li>Implementations are thread-safe. Backend I/O failures surface as {@link StorageFailure};
 *       any call after {@link #close()} throws {@link IllegalStateException}.</li>
 * </ul>
 *
 * A store obtained as an OSGi service is owned by the component that registered it: callers
 * must not close it (the component ignores such a call).
 */
@ProviderType
public interface KvStore extends AutoCloseable {

    /** The value stored under {@code key}, or null if there is none. */
    byte[] get(String column, byte[] key);

    /**
     * Up to {@code limit} entries whose key starts with {@code prefix}, in key order.
     *
     * @param prefix     the required key prefix; an empty prefix selects the whole column
     * @param startAfter null to start at the first key of the prefix, otherwise only keys strictly
     *                   greater than it are returned (pass the last key of the previous page to page on)
     * @param limit      the maximum number of entries, {@code >= 0}
     */
    List<KvEntry> scan(String column, byte[] prefix, byte[] startAfter, int limit);

    /**
     * Calls {@code visitor} with each key and value whose key starts with {@code prefix}, in key
     * order, until it returns false. The visitor runs on the caller's thread; it may read and commit,
     * and keeps visiting the snapshot taken when the call started. Exceptions thrown by the visitor
     * propagate unchanged.
     */
    void forEach(String column, byte[] prefix, BiPredicate<byte[], byte[]> visitor);

    /**
     * Applies all operations of {@code batch}, across columns, atomically and durably: when this
     * method returns, the batch survives a crash of the process (even {@code kill -9}); if the
     * process dies during the call, either all of it or none of it is applied. Later operations on
     * the same key win. An empty batch is a no-op.
     */
    void commit(WriteBatch batch);

    /** Releases the database. Idempotent. */
    @Override
    void close();
}
