package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hamster.chain.AccountId;
import org.hamster.chain.Era;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.ExtrinsicSigner;
import org.hamster.chain.H256;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.support.OverlayState;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.crypto.DevAccounts;
import org.hamster.crypto.Ed25519;
import org.hamster.storage.KvEntry;
import org.hamster.storage.MemoryKvStore;
import org.junit.jupiter.api.Test;

/** The in-memory caches of the committed state and of the state-root buckets change no result. */
class ChainCachesTest {
    private static final long T0 = 1_700_000_000_000L;

    /**
     * The same blocks on a chain whose caches are all but disabled (the state cache is emptied on nearly every
     * insert, the bucket cache holds two entries) get the same hashes and state roots; both stores reopen.
     */
    @Test
    void tinyCachesBuildTheSameChain() throws Exception {
        MemoryKvStore normalKv = new MemoryKvStore();
        MemoryKvStore tinyKv = new MemoryKvStore();
        Chain normal = chain(new ChainStore(normalKv));
        Chain tiny = chain(new ChainStore(tinyKv, 200, 2));
        assertEquals(normal.genesisHash(), tiny.genesisHash());
        Ed25519.KeyPair[] keys = new Ed25519.KeyPair[12];
        for (int i = 0; i < keys.length; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            seed[31] = 3;
            keys[i] = Ed25519.fromSeed(seed);
        }
        for (int block = 0; block < 8; block++) {
            List<byte[]> xts = new ArrayList<>();
            Map<AccountId, Long> nonces = new TreeMap<>();
            if (block == 0) {
                for (Ed25519.KeyPair k : keys) {
                    xts.add(sign(normal, nonces, DevAccounts.pair("Alice"), transfer(0, id(k), BigInteger.TEN.pow(13))));
                }
            } else {
                for (int i = 0; i < keys.length; i++) {
                    Ed25519.KeyPair from = keys[(i + block) % keys.length];
                    AccountId to = id(keys[(i * 5 + block) % keys.length]);
                    byte[] call = switch ((i + block) % 4) {
                        case 0 -> transfer(0, to, BigInteger.valueOf(2_000_000_000L * (i + 1)));
                        case 1 -> new ScaleWriter().u8(2).u8(4).u8(0).bytes(to.publicKey()).bool(false).toByteArray();
                        case 2 -> transfer(0, AccountId.of(seed(block, i)), BigInteger.valueOf(5_000_000_000L));
                        default -> transfer(0, to, BigInteger.TEN.pow(20)); // fails: more than the balance
                    };
                    xts.add(sign(normal, nonces, from, call));
                }
            }
            long now = T0 + 6000L * (block + 1);
            Chain.Built a = normal.produce(now, candidates(normal, xts));
            Chain.Built b = tiny.produce(now, candidates(tiny, xts));
            assertEquals(a.hash(), b.hash(), "block " + block);
            assertEquals(a.header().stateRoot(), b.header().stateRoot());
            assertEquals(a.included(), b.included());
        }
        for (MemoryKvStore kv : List.of(normalKv, tinyKv)) {
            ChainStore reread = new ChainStore(kv);
            assertArrayEquals(normal.best().stateRoot().toArray(), reread.root(), "root from the index");
            Chain reopened = chain(reread);
            assertEquals(normal.bestHash(), reopened.bestHash());
        }
        // what both caches serve is what the store holds, for every key
        for (KvEntry e : normalKv.scan(ChainStore.STATE, new byte[0], null, Integer.MAX_VALUE)) {
            assertArrayEquals(e.value(), normal.store().get(e.key()));
            assertArrayEquals(e.value(), tiny.store().get(e.key()));
        }
    }

    @Test
    void aLoadRacingWithACommitIsNotCached() {
        StateCache cache = new StateCache(1 << 20);
        byte[] key = {1, 2, 3};
        byte[] old = {7};
        byte[] fresh = {8};
        // the load reads the old value, then a block commits a new one before the load is done
        byte[] got = cache.get(key, k -> {
            cache.committed(Map.of(Bytes.of(key), fresh));
            return old;
        });
        assertSame(old, got);
        assertArrayEquals(fresh, cache.get(key, k -> {
            throw new AssertionError("the committed value is cached");
        }));
        // deleted: cached as absent
        cache.committed(Map.of(Bytes.of(key), OverlayState.TOMBSTONE));
        assertNull(cache.get(key, k -> {
            throw new AssertionError("absence is cached");
        }));
        // a load racing with a commit of another key is not cached either (the generation moved on)
        byte[] other = {9};
        cache.get(other, k -> {
            cache.committed(Map.of(Bytes.of(new byte[] {42}), fresh));
            return old;
        });
        int[] loads = {0};
        cache.get(other, k -> {
            loads[0]++;
            return old;
        });
        assertEquals(1, loads[0]);
    }

    @Test
    void aFullStateCacheIsEmptied() {
        StateCache cache = new StateCache(1000);
        for (int i = 0; i < 100; i++) {
            byte[] v = new byte[] {(byte) i};
            cache.get(new byte[] {(byte) i}, k -> v);
            assertTrue(cache.size() <= 1000 / 113 + 1, "size " + cache.size());
        }
        for (int i = 0; i < 100; i++) {
            int n = i;
            assertArrayEquals(new byte[] {(byte) i}, cache.get(new byte[] {(byte) i}, k -> new byte[] {(byte) n}));
        }
    }

    @Test
    void theBucketCacheDropsTheLeastRecentlyUsed() {
        BucketCache cache = new BucketCache(5);
        cache.put(1, new byte[2][]);
        cache.put(2, new byte[2][]);
        cache.get(1);
        cache.put(3, new byte[2][]);
        assertNull(cache.get(2));
        assertEquals(4, cache.size());
        cache.put(4, new byte[5][]);
        assertEquals(5, cache.size());
        assertNull(cache.get(1));
        assertNull(cache.get(3));
        cache.put(4, new byte[1][]);
        assertEquals(1, cache.size());
    }

    private static byte[] seed(int block, int i) {
        byte[] b = new byte[32];
        b[0] = (byte) block;
        b[1] = (byte) i;
        b[31] = 77;
        return b;
    }

    private static Chain chain(ChainStore store) throws Exception {
        ChainSpec spec = ChainSpec.load("dev");
        Map<Integer, Pallet> set = new TreeMap<>();
        for (ChainSpec.PalletSpec ps : spec.pallets()) {
            Pallet p = DevPallets.all().stream().filter(x -> x.name().equals(ps.name())).findFirst().orElseThrow();
            p.configure(ps.constants());
            set.put(ps.index(), p);
        }
        return new Chain(spec, new RuntimeModules(spec, set), store);
    }

    private static AccountId id(Ed25519.KeyPair k) {
        return AccountId.of(k.publicKey());
    }

    private static byte[] transfer(int call, AccountId to, BigInteger amount) {
        ScaleWriter w = new ScaleWriter().u8(2).u8(call).u8(0);
        AccountId.CODEC.encode(w, to);
        return w.compact(amount).toByteArray();
    }

    private static byte[] sign(Chain chain, Map<AccountId, Long> nonces, Ed25519.KeyPair key, byte[] call) {
        AccountId who = id(key);
        long n = nonces.computeIfAbsent(who, k -> Executive.nonceOf(chain.store().asState(), who));
        nonces.put(who, n + 1);
        H256 g = chain.genesisHash();
        return ExtrinsicSigner.sign(key, call, n, BigInteger.ZERO, Era.IMMORTAL, chain.modules().version(), g, g);
    }

    private static List<Chain.Candidate> candidates(Chain chain, List<byte[]> xts) {
        List<Chain.Candidate> out = new ArrayList<>();
        for (byte[] x : xts) {
            try {
                Extrinsic xt = Executive.decode(x);
                out.add(new Chain.Candidate(chain.executive().check(xt, chain.best().number() + 1, true), xt.hash()));
            } catch (TransactionRejected e) {
                // refused up front on both chains alike
            }
        }
        return out;
    }
}
