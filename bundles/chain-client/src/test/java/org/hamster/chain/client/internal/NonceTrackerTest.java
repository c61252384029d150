package org.hamster.chain.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamster.chain.AccountId;
import org.hamster.crypto.DevAccounts;
import org.junit.jupiter.api.Test;

class NonceTrackerTest {
    private final AccountId alice = AccountId.of(DevAccounts.publicKey("Alice"));
    private final AccountId bob = AccountId.of(DevAccounts.publicKey("Bob"));
    private final NonceTracker tracker = new NonceTracker();
    private final AtomicInteger fetches = new AtomicInteger();

    private CompletableFuture<Long> chain(long value) {
        fetches.incrementAndGet();
        return CompletableFuture.completedFuture(value);
    }

    @Test
    void seedsFromTheNodeOnceThenCountsLocally() {
        assertEquals(7, tracker.reserve(alice, a -> chain(7)).join());
        assertEquals(8, tracker.reserve(alice, a -> chain(7)).join());
        assertEquals(9, tracker.reserve(alice, a -> chain(7)).join());
        assertEquals(1, fetches.get());
        assertEquals(10, tracker.peek(alice).getAsLong());
    }

    @Test
    void accountsAreIndependent() {
        assertEquals(3, tracker.reserve(alice, a -> chain(3)).join());
        assertEquals(0, tracker.reserve(bob, a -> chain(0)).join());
        assertEquals(4, tracker.reserve(alice, a -> chain(0)).join());
    }

    @Test
    void resyncAsksTheNodeAgain() {
        tracker.reserve(alice, a -> chain(1)).join();
        tracker.reserve(alice, a -> chain(1)).join();
        tracker.resync(alice);
        assertTrue(tracker.peek(alice).isEmpty());
        assertEquals(12, tracker.reserve(alice, a -> chain(12)).join());
        assertEquals(2, fetches.get());
        tracker.clear();
        assertEquals(5, tracker.reserve(alice, a -> chain(5)).join());
    }

    @Test
    void reservationsRacingAFetchNeverRepeatANonce() {
        List<CompletableFuture<Long>> pendingFetches = new ArrayList<>();
        List<CompletableFuture<Long>> reserved = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CompletableFuture<Long> f = new CompletableFuture<>();
            pendingFetches.add(f);
            reserved.add(tracker.reserve(alice, a -> f));
        }
        pendingFetches.get(2).complete(5L);
        reserved.add(tracker.reserve(alice, a -> chain(0)));
        pendingFetches.get(0).complete(5L);
        pendingFetches.get(3).complete(4L);
        pendingFetches.get(1).complete(9L);
        Set<Long> nonces = new HashSet<>();
        reserved.forEach(f -> nonces.add(f.join()));
        assertEquals(5, nonces.size(), "duplicate nonce in " + nonces);
        assertTrue(nonces.contains(9L), "the node's higher view wins: " + nonces);
    }

    @Test
    void concurrentReservationsAreDistinctAndConsecutive() throws Exception {
        tracker.reserve(alice, a -> chain(100)).join();
        Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    seen.add(tracker.reserve(alice, a -> chain(0)).join());
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(2000, seen.size());
        assertEquals(101, seen.stream().mapToLong(Long::longValue).min().getAsLong());
        assertEquals(2100, seen.stream().mapToLong(Long::longValue).max().getAsLong());
    }
}
