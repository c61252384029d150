package org.hamster.chain.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hamster.chain.AccountId;
import org.hamster.codec.Codec;
import org.hamster.codec.ScaleReader;
import org.hamster.crypto.Twox;

/** A typed map at twox128(pallet) ++ twox128(item) ++ hasher(encode(key)). */
public final class StorageMap<K, V> {
    private final String pallet;
    private final String item;
    private final byte[] prefix;
    private final Hasher hasher;
    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;
    /**
     * Storage keys of account-keyed entries, the hottest ones (System.Account is read and written several times per
     * transaction): hashing the key each time costs more than the lookup. Bounded; emptied when full.
     */
    private final ConcurrentHashMap<AccountId, byte[]> accountKeys = new ConcurrentHashMap<>();
    private static final int ACCOUNT_KEY_CACHE = 16_384;

    public StorageMap(String pallet, String item, Hasher hasher, Codec<K> keyCodec, Codec<V> valueCodec) {
        this.pallet = pallet;
        this.item = item;
        this.prefix = Hasher.concat(Twox.hash128(StorageValue.utf8(pallet)), Twox.hash128(StorageValue.utf8(item)));
        this.hasher = hasher;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
    }

    public String pallet() {
        return pallet;
    }

    public String item() {
        return item;
    }

    public Hasher hasher() {
        return hasher;
    }

    public Codec<K> keyCodec() {
        return keyCodec;
    }

    public Codec<V> valueCodec() {
        return valueCodec;
    }

    public byte[] prefix() {
        return prefix.clone();
    }

    public byte[] key(K k) {
        return k instanceof AccountId ? storageKey(k).clone() : storageKey(k);
    }

    /** The storage key of {@code k}; may be shared (cached), so it must not be modified or handed out. */
    private byte[] storageKey(K k) {
        if (k instanceof AccountId a) {
            byte[] cached = accountKeys.get(a);
            if (cached == null) {
                cached = Hasher.concat(prefix, hasher.hash(keyCodec.encode(k)));
                if (accountKeys.size() >= ACCOUNT_KEY_CACHE) {
                    accountKeys.clear();
                }
                accountKeys.put(a, cached);
            }
            return cached;
        }
        return Hasher.concat(prefix, hasher.hash(keyCodec.encode(k)));
    }

    public V get(State s, K k) {
        byte[] raw = s.get(storageKey(k));
        return raw == null ? null : valueCodec.decodeAll(raw);
    }

    public V getOr(State s, K k, V fallback) {
        V v = get(s, k);
        return v == null ? fallback : v;
    }

    public boolean contains(State s, K k) {
        return s.get(storageKey(k)) != null;
    }

    public void put(State s, K k, V v) {
        s.put(storageKey(k), valueCodec.encode(v));
    }

    public void remove(State s, K k) {
        s.delete(storageKey(k));
    }

    /** Decodes the original key of a full storage key (only for *Concat / Identity hashers). */
    public K keyOf(byte[] storageKey) {
        int skip = hasher.prefixLength();
        if (skip < 0) {
            throw new IllegalStateException(item + " uses a non-reversible hasher");
        }
        int off = prefix.length + skip;
        return keyCodec.decodeAll(java.util.Arrays.copyOfRange(storageKey, off, storageKey.length));
    }

    /** Up to {@code limit} entries in storage-key order, after the storage key {@code startAfter} (nullable). */
    public List<Map.Entry<K, V>> page(State s, byte[] startAfter, int limit) {
        List<Map.Entry<K, V>> out = new ArrayList<>();
        for (byte[] k : s.keys(prefix, startAfter, limit)) {
            byte[] raw = s.get(k);
            out.add(Map.entry(keyOf(k), valueCodec.decode(new ScaleReader(raw))));
        }
        return out;
    }
}
