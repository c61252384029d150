package org.hamster.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hamster.common.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The semantics every {@link KvStore} must have. Published in this module's test-jar: an
 * implementation's test extends it and supplies {@link #createStore()}.
 */
public abstract class KvStoreContract {

    protected KvStore store;

    /** A new, empty store; closed by the contract after each test. */
    protected abstract KvStore createStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static byte[] b(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return out;
    }

    protected static byte[] u32(int n) {
        return ByteBuffer.allocate(4).putInt(n).array();
    }

    private static List<String> keysOf(List<KvEntry> entries) {
        return entries.stream().map(e -> Hex.encode(e.key())).toList();
    }

    private static List<String> hex(byte[]... keys) {
        List<String> out = new ArrayList<>();
        for (byte[] k : keys) {
            out.add(Hex.encode(k));
        }
        return out;
    }

    private void putAll(String column, byte[]... keys) {
        WriteBatch batch = new WriteBatch();
        for (byte[] k : keys) {
            batch.put(column, k, k);
        }
        store.commit(batch);
    }

    @Test
    void absentKeysAndColumnsReadAsEmpty() {
        assertNull(store.get("never", b(1)));
        assertEquals(List.of(), store.scan("never", b(), null, 10));
        store.forEach("never", b(), (k, v) -> {
            throw new AssertionError("visited " + Hex.encode(k));
        });
        putAll("c", b(1));
        assertNull(store.get("c", b(2)));
        assertNull(store.get("other", b(1)));
    }

    @Test
    void putThenGetReturnsValueIncludingEmptyValuesAndEmptyKeys() {
        store.commit(new WriteBatch().put("c", b(1, 2), b(9, 8, 7)).put("c", b(3), b()).put("c", b(), b(5)));
        assertArrayEquals(b(9, 8, 7), store.get("c", b(1, 2)));
        assertArrayEquals(b(), store.get("c", b(3)));
        assertArrayEquals(b(5), store.get("c", b()));
    }

    @Test
    void largeKeysAndValuesRoundTrip() {
        byte[] key = new byte[1024];
        byte[] value = new byte[1 << 20];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (i * 31);
        }
        key[1023] = (byte) 0xff;
        store.commit(new WriteBatch().put("c", key, value));
        assertArrayEquals(value, store.get("c", key));
    }

    @Test
    void keysAreOrderedUnsignedLexicographically() {
        putAll("c", b(0xff), b(0x80, 0x00), b(0x7f), b(0x80), b(), b(0x00), b(0x7f, 0xff), b(0x01));
        assertEquals(hex(b(), b(0x00), b(0x01), b(0x7f), b(0x7f, 0xff), b(0x80), b(0x80, 0x00), b(0xff)),
                keysOf(store.scan("c", b(), null, 100)));
        List<String> visited = new ArrayList<>();
        store.forEach("c", b(), (k, v) -> visited.add(Hex.encode(k)));
        assertEquals(keysOf(store.scan("c", b(), null, 100)), visited);
    }

    @Test
    void prefixScanReturnsExactlyTheKeysWithThePrefix() {
        putAll("c", b(0x01, 0xfe, 0xff), b(0x01, 0xff), b(0x01, 0xff, 0x00), b(0x01, 0xff, 0xff, 0xff),
                b(0x02), b(0x01), b(0x02, 0xff));
        assertEquals(hex(b(0x01, 0xff), b(0x01, 0xff, 0x00), b(0x01, 0xff, 0xff, 0xff)),
                keysOf(store.scan("c", b(0x01, 0xff), null, 100)));
        assertEquals(List.of(), store.scan("c", b(0x03), null, 100));
        assertEquals(List.of(), store.scan("c", b(0x01, 0xff, 0x01), null, 100));
        KvEntry only = store.scan("c", b(0x02, 0xff), null, 100).get(0);
        assertEquals(new KvEntry(b(0x02, 0xff), b(0x02, 0xff)), only);
    }

    @Test
    void startAfterPagesThroughAPrefixWithoutGapsOrRepeats() {
        WriteBatch batch = new WriteBatch().put("c", b(0x10), b()).put("c", b(0x12), b());
        for (int i = 0; i < 10; i++) {
            batch.put("c", b(0x11, i * 25), b(i));
        }
        store.commit(batch);
        List<KvEntry> all = store.scan("c", b(0x11), null, 100);
        assertEquals(10, all.size());

        List<KvEntry> paged = new ArrayList<>();
        byte[] last = null;
        while (true) {
            List<KvEntry> page = store.scan("c", b(0x11), last, 3);
            if (page.isEmpty()) {
                break;
            }
            assertTrue(page.size() <= 3);
            paged.addAll(page);
            last = page.get(page.size() - 1).key();
        }
        assertEquals(all, paged);
    }

    @Test
    void startAfterOutsideThePrefixOrBetweenKeys() {
        putAll("c", b(0x10), b(0x11, 0x01), b(0x11, 0x05), b(0x11, 0x90), b(0x12));
        // below the prefix range: starts at the prefix
        assertEquals(hex(b(0x11, 0x01), b(0x11, 0x05), b(0x11, 0x90)), keysOf(store.scan("c", b(0x11), b(0x05), 10)));
        // the prefix itself is not a key but sorts before all keys with it
        assertEquals(hex(b(0x11, 0x01), b(0x11, 0x05), b(0x11, 0x90)), keysOf(store.scan("c", b(0x11), b(0x11), 10)));
        // between keys, absent key
        assertEquals(hex(b(0x11, 0x90)), keysOf(store.scan("c", b(0x11), b(0x11, 0x06), 10)));
        // at the last key and above the range
        assertEquals(List.of(), store.scan("c", b(0x11), b(0x11, 0x90), 10));
        assertEquals(List.of(), store.scan("c", b(0x11), b(0x12), 10));
        // whole column
        assertEquals(hex(b(0x11, 0x90), b(0x12)), keysOf(store.scan("c", b(), b(0x11, 0x05), 10)));
    }

    @Test
    void limitBoundsTheResult() {
        putAll("c", b(1), b(2), b(3));
        assertEquals(List.of(), store.scan("c", b(), null, 0));
        assertEquals(hex(b(1), b(2)), keysOf(store.scan("c", b(), null, 2)));
        assertThrows(IllegalArgumentException.class, () -> store.scan("c", b(), null, -1));
    }

    @Test
    void forEachVisitsThePrefixInOrderAndStopsWhenTheVisitorSaysSo() {
        putAll("c", b(0x20), b(0x21, 0x03), b(0x21, 0x01), b(0x21, 0x02), b(0x22));
        List<String> visited = new ArrayList<>();
        store.forEach("c", b(0x21), (k, v) -> {
            assertArrayEquals(k, v);
            visited.add(Hex.encode(k));
            return true;
        });
        assertEquals(hex(b(0x21, 0x01), b(0x21, 0x02), b(0x21, 0x03)), visited);

        visited.clear();
        store.forEach("c", b(), (k, v) -> visited.add(Hex.encode(k)) && visited.size() < 2);
        assertEquals(hex(b(0x20), b(0x21, 0x01)), visited);
    }

    @Test
    void visitorExceptionsPropagateUnchangedAndLeaveTheStoreUsable() {
        putAll("c", b(1), b(2));
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> store.forEach("c", b(), (k, v) -> {
            throw boom;
        })));
        putAll("c", b(3));
        assertEquals(3, store.scan("c", b(), null, 10).size());
    }

    @Test
    void laterOperationsInABatchWin() {
        store.commit(new WriteBatch().put("c", b(9), b(0)).put("c", b(1), b(1)));
        store.commit(new WriteBatch()
                .put("c", b(1), b(2)).put("c", b(1), b(3))      // put twice: last value
                .put("c", b(2), b(1)).delete("c", b(2))         // put then delete: gone
                .delete("c", b(9)).put("c", b(9), b(4))         // delete then put: present
                .delete("c", b(7)));                            // deleting an absent key is fine
        assertArrayEquals(b(3), store.get("c", b(1)));
        assertNull(store.get("c", b(2)));
        assertArrayEquals(b(4), store.get("c", b(9)));
        assertNull(store.get("c", b(7)));
    }

    @Test
    void aBatchSpansColumnsAndColumnsAreIndependent() {
        store.commit(new WriteBatch().put("a", b(1), b(10)).put("b", b(1), b(20)).put("b", b(2), b(21)));
        assertArrayEquals(b(10), store.get("a", b(1)));
        assertArrayEquals(b(20), store.get("b", b(1)));
        assertNull(store.get("a", b(2)));
        store.commit(new WriteBatch().delete("a", b(1)));
        assertNull(store.get("a", b(1)));
        assertArrayEquals(b(20), store.get("b", b(1)));
    }

    @Test
    void emptyBatchIsANoOp() {
        putAll("c", b(1));
        store.commit(new WriteBatch());
        assertArrayEquals(b(1), store.get("c", b(1)));
    }

    @Test
    void arraysAreNeverShared() {
        byte[] key = b(1);
        byte[] value = b(2);
        WriteBatch batch = new WriteBatch().put("c", key, value);
        key[0] = 7;
        value[0] = 7;
        store.commit(batch);
        assertArrayEquals(b(2), store.get("c", b(1)));
        store.get("c", b(1))[0] = 9;
        store.scan("c", b(), null, 1).get(0).value()[0] = 9;
        store.forEach("c", b(), (k, v) -> {
            v[0] = 9;
            k[0] = 9;
            return true;
        });
        assertArrayEquals(b(2), store.get("c", b(1)));
    }

    @Test
    void forEachSeesOneSnapshotWhileAnotherThreadCommits() throws Exception {
        putAll("c", b(1), b(2), b(3));
        List<String> visited = new ArrayList<>();
        store.forEach("c", b(), (k, v) -> {
            if (visited.isEmpty()) {
                CompletableFuture.runAsync(() -> store.commit(new WriteBatch()
                        .delete("c", b(2)).delete("c", b(3)).put("c", b(4), b(4)))).join();
            }
            visited.add(Hex.encode(k));
            return true;
        });
        assertEquals(hex(b(1), b(2), b(3)), visited);
        assertEquals(hex(b(1), b(4)), keysOf(store.scan("c", b(), null, 10)));
    }

    @Test
    void aVisitorMayCommitAndKeepsSeeingItsSnapshot() {
        putAll("c", b(1), b(2), b(3));
        List<String> visited = new ArrayList<>();
        store.forEach("c", b(), (k, v) -> {
            store.commit(new WriteBatch().delete("c", k).put("c", b(9), b(9)));
            visited.add(Hex.encode(k));
            return true;
        });
        assertEquals(hex(b(1), b(2), b(3)), visited);
        assertEquals(hex(b(9)), keysOf(store.scan("c", b(), null, 10)));
    }

    @Test
    void concurrentCommitsAreAllApplied() throws Exception {
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.commit(new WriteBatch().put("c", u32(id * 1000 + i), b(id)).put("d", u32(id), u32(i)));
                        assertArrayEquals(b(id), store.get("c", u32(id * 1000 + i)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(threads * perThread, store.scan("c", b(), null, Integer.MAX_VALUE).size());
        for (int t = 0; t < threads; t++) {
            assertArrayEquals(u32(perThread - 1), store.get("d", u32(t)));
        }
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> store.get("c", null));
        assertThrows(NullPointerException.class, () -> store.get(null, b()));
        assertThrows(NullPointerException.class, () -> store.scan("c", null, null, 1));
        assertThrows(NullPointerException.class, () -> store.forEach("c", b(), null));
        assertThrows(NullPointerException.class, () -> store.commit(null));
    }

    @Test
    void closedStoreRejectsCalls() {
        store.close();
        store.close();
        assertThrows(IllegalStateException.class, () -> store.get("c", b(1)));
        assertThrows(IllegalStateException.class, () -> store.scan("c", b(), null, 1));
        assertThrows(IllegalStateException.class, () -> store.commit(new WriteBatch().put("c", b(1), b())));
    }
}
