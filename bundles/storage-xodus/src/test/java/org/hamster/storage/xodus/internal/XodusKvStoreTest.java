package org.hamster.storage.xodus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.hamster.storage.KvStore;
import org.hamster.storage.KvStoreContract;
import org.hamster.storage.StorageFailure;
import org.hamster.storage.WriteBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XodusKvStoreTest extends KvStoreContract {

    @TempDir
    Path dir;

    @Override
    protected KvStore createStore() {
        return XodusKvStore.open(dir.resolve("db"), XodusKvStore.Settings.DEFAULT);
    }

    private void reopen() {
        store.close();
        store = createStore();
    }

    @Test
    void committedDataSurvivesCloseAndReopen() {
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < 1000; i++) {
            batch.put("blocks", u32(i), u32(i * 7)).put("index", u32(i), b(i));
        }
        store.commit(batch);
        store.commit(new WriteBatch().delete("blocks", u32(5)).put("empty", b(1), b()));
        reopen();

        assertEquals(999, store.scan("blocks", b(), null, 2000).size());
        assertNull(store.get("blocks", u32(5)));
        assertArrayEquals(u32(6 * 7), store.get("blocks", u32(6)));
        assertArrayEquals(b(999), store.get("index", u32(999)));
        assertArrayEquals(b(), store.get("empty", b(1)));
        assertNull(store.get("never", b(1)));

        store.commit(new WriteBatch().put("blocks", u32(5), b(5)));
        reopen();
        assertArrayEquals(b(5), store.get("blocks", u32(5)));
    }

    @Test
    void anInterruptedCallerNeitherLosesItsCommitNorBreaksTheStore() {
        Thread.currentThread().interrupt();
        try {
            store.commit(new WriteBatch().put("c", b(1), b(1)));
            assertArrayEquals(b(1), store.get("c", b(1)));
            assertEquals(1, store.scan("c", b(), null, 10).size());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        store.commit(new WriteBatch().put("c", b(2), b(2)));
        reopen();
        assertArrayEquals(b(1), store.get("c", b(1)));
        assertArrayEquals(b(2), store.get("c", b(2)));
    }

    @Test
    void secondOpenOfTheSameDirectoryFailsWithAStorageFailure() {
        assertThrows(StorageFailure.class, this::createStore);
    }
}
