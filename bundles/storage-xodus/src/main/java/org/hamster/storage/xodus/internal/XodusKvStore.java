package org.hamster.storage.xodus.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.ByteIterable;
import jetbrains.exodus.ExodusException;
import jetbrains.exodus.env.Cursor;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.EnvironmentConfig;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;
import jetbrains.exodus.env.Transaction;

import org.hamster.storage.KvEntry;
import org.hamster.storage.KvStore;
import org.hamster.storage.StorageFailure;
import org.hamster.storage.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KvStore} on a Xodus {@link Environment}: one Xodus store per column
 * ({@link StoreConfig#WITHOUT_DUPLICATES}, a B+tree with unsigned byte order), one exclusive Xodus
 * transaction per {@link #commit} (run on the store's writer thread), one read-only transaction
 * (a snapshot) per read call.
 *
 * <p>Xodus failures ({@link ExodusException}) surface as {@link StorageFailure}.
 */
public final class XodusKvStore implements KvStore {
    private static final Logger LOG = LoggerFactory.getLogger(XodusKvStore.class);

    /** Settings of {@link #open}. */
    public record Settings(boolean durableWrite, int cachePercent) {
        public static final Settings DEFAULT = new Settings(true, 20);

        public Settings {
            if (cachePercent < 1 || cachePercent > 90) {
                throw new IllegalArgumentException("cachePercent must be within 1..90, was " + cachePercent);
            }
        }
    }

    private final Environment env;
    private final Path dir;
    /** Store handles of columns known to exist; a handle is usable in any later transaction. */
    private final Map<String, Store> stores = new ConcurrentHashMap<>();
    /**
     * Runs every commit: one writer at a time, and a caller's interrupt cannot reach Xodus's file
     * channel (unless java.base/sun.nio.ch is opened to it, Xodus writes through an interruptible
     * channel, and an interrupt during its fsync closes the channel and breaks the environment).
     */
    private final ExecutorService writer;
    private volatile boolean closed;

    private XodusKvStore(Environment env, Path dir) {
        this.env = env;
        this.dir = dir;
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "xodus-writer " + dir);
            thread.setDaemon(true);
            thread.setContextClassLoader(XodusKvStore.class.getClassLoader());
            return thread;
        });
    }

    /** Opens (creating if needed) the database in directory {@code dir}. */
    public static XodusKvStore open(Path dir, Settings settings) {
        EnvironmentConfig config = new EnvironmentConfig()
                .setLogDurableWrite(settings.durableWrite())
                .setMemoryUsagePercentage(settings.cachePercent())
                // close() waits for queued commits itself; a read still running then fails cleanly
                .setEnvCloseForcedly(true);
        try {
            Environment env = withBundleClassLoader(() -> Environments.newInstance(dir.toFile(), config));
            LOG.debug("opened Xodus environment {} (durableWrite={}, cachePercent={})",
                    dir, settings.durableWrite(), settings.cachePercent());
            return new XodusKvStore(env, dir);
        } catch (ExodusException e) {
            throw new StorageFailure("cannot open " + dir, e);
        }
    }

    public Path directory() {
        return dir;
    }

    @Override
    public byte[] get(String column, byte[] key) {
        Objects.requireNonNull(key, "key");
        return read(column, "get", (store, txn) -> {
            ByteIterable value = store.get(txn, new ArrayByteIterable(key));
            return value == null ? null : copy(value);
        }, null);
    }

    @Override
    public List<KvEntry> scan(String column, byte[] prefix, byte[] startAfter, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit " + limit);
        }
        if (limit == 0) {
            checkOpen();
            return List.of();
        }
        return read(column, "scan", (store, txn) -> {
            List<KvEntry> out = new ArrayList<>(Math.min(limit, 64));
            visit(store, txn, prefix, startAfter, (k, v) -> {
                out.add(new KvEntry(k, v));
                return out.size() < limit;
            });
            return out;
        }, List.of());
    }

    @Override
    public void forEach(String column, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(visitor, "visitor");
        read(column, "forEach", (store, txn) -> {
            visit(store, txn, prefix, null, visitor);
            return null;
        }, null);
    }

    @Override
    public void commit(WriteBatch batch) {
        Objects.requireNonNull(batch, "batch");
        checkOpen();
        if (batch.isEmpty()) {
            return;
        }
        Future<?> done;
        try {
            done = writer.submit(() -> apply(batch));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException(this + " is closed", e);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get();
                    return;
                } catch (InterruptedException e) {
                    // the commit cannot be called off half-way: wait for it, keep the interrupt for later
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw (Error) e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs on the writer thread. */
    private void apply(WriteBatch batch) {
        Map<String, Store> opened = new HashMap<>();
        try {
            env.executeInExclusiveTransaction(txn -> {
                opened.clear(); // in case Xodus runs this block again
                for (WriteBatch.Op op : batch) {
                    apply(op, txn, opened);
                }
            });
        } catch (ExodusException e) {
            throw failure("commit of " + batch.size() + " operations", e);
        }
        // only now do the new columns exist on disk
        stores.putAll(opened);
    }

    /**
     * One operation of a commit. A method of its own (not the loop body): it runs for every operation, so it is
     * compiled early, where a loop run once per commit would stay interpreted for many commits.
     */
    private void apply(WriteBatch.Op op, Transaction txn, Map<String, Store> opened) {
        Store store = stores.get(op.column());
        if (store == null) {
            store = opened.computeIfAbsent(op.column(),
                    name -> env.openStore(name, StoreConfig.WITHOUT_DUPLICATES, txn));
        }
        ArrayByteIterable key = new ArrayByteIterable(op.key());
        if (op.isDelete()) {
            store.delete(txn, key);
        } else {
            store.put(txn, key, new ArrayByteIterable(op.value()));
        }
    }

    /** Waits for queued commits, then closes the environment. Idempotent. */
    @Override
    public void close() {
        synchronized (writer) {
            if (closed) {
                return;
            }
            closed = true;
            writer.shutdown();
            boolean interrupted = false;
            while (!writer.isTerminated()) {
                try {
                    writer.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            stores.clear();
            try {
                withBundleClassLoader(() -> {
                    env.close();
                    return null;
                });
                LOG.debug("closed Xodus environment {}", dir);
            } catch (ExodusException e) {
                throw new StorageFailure("closing " + dir, e);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "XodusKvStore[" + dir + "]";
    }

    private interface StoreRead<T> {
        T apply(Store store, Transaction txn);
    }

    /** Runs {@code body} in a read-only transaction; {@code absent} if the column was never written. */
    private <T> T read(String column, String what, StoreRead<T> body, T absent) {
        Objects.requireNonNull(column, "column");
        checkOpen();
        try {
            return env.computeInReadonlyTransaction(txn -> {
                Store store = stores.get(column);
                if (store == null) {
                    store = env.openStore(column, StoreConfig.WITHOUT_DUPLICATES, txn, false);
                    if (store == null) {
                        return absent;
                    }
                    stores.putIfAbsent(column, store);
                }
                return body.apply(store, txn);
            });
        } catch (ExodusException e) {
            throw failure(what + " in column " + column, e);
        }
    }

    /** Visits the keys with {@code prefix} that are greater than {@code startAfter}, in order. */
    private static void visit(Store store, Transaction txn, byte[] prefix, byte[] startAfter,
                              BiPredicate<byte[], byte[]> visitor) {
        boolean skipStart = startAfter != null && Arrays.compareUnsigned(startAfter, prefix) >= 0;
        byte[] from = skipStart ? startAfter : prefix;
        try (Cursor cursor = store.openCursor(txn)) {
            if (cursor.getSearchKeyRange(new ArrayByteIterable(from)) == null) {
                return;
            }
            do {
                ByteIterable key = cursor.getKey();
                if (!startsWith(key, prefix)) {
                    return;
                }
                byte[] k = copy(key);
                if (skipStart) {
                    skipStart = false;
                    if (Arrays.equals(k, startAfter)) {
                        continue;
                    }
                }
                if (!visitor.test(k, copy(cursor.getValue()))) {
                    return;
                }
            } while (cursor.getNext());
        }
    }

    private static boolean startsWith(ByteIterable key, byte[] prefix) {
        return key.getLength() >= prefix.length
                && Arrays.equals(key.getBytesUnsafe(), 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] copy(ByteIterable bytes) {
        return Arrays.copyOf(bytes.getBytesUnsafe(), bytes.getLength());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private RuntimeException failure(String what, ExodusException e) {
        if (closed) {
            return new IllegalStateException(this + " was closed during " + what, e);
        }
        return new StorageFailure(what + " in " + dir, e);
    }

    /**
     * Runs {@code action} with this bundle's class loader as context class loader: Xodus finds its
     * I/O provider with {@link java.util.ServiceLoader}, and its background threads inherit it.
     */
    static <T> T withBundleClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(XodusKvStore.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
