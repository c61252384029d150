package org.hamster.chain.spi;

import org.hamster.codec.Codec;
import org.hamster.crypto.Twox;

/** A single typed value at twox128(pallet) ++ twox128(item). */
public final class StorageValue<V> {
    private final String pallet;
    private final String item;
    private final byte[] key;
    private final Codec<V> codec;

    public StorageValue(String pallet, String item, Codec<V> codec) {
        this.pallet = pallet;
        this.item = item;
        this.key = Hasher.concat(Twox.hash128(utf8(pallet)), Twox.hash128(utf8(item)));
        this.codec = codec;
    }

    public String pallet() {
        return pallet;
    }

    public String item() {
        return item;
    }

    public Codec<V> codec() {
        return codec;
    }

    public byte[] key() {
        return key.clone();
    }

    /** The value, or null if absent. A stored value that does not decode is state corruption. */
    public V get(State s) {
        byte[] raw = s.get(key);
        return raw == null ? null : codec.decodeAll(raw);
    }

    public V getOr(State s, V fallback) {
        V v = get(s);
        return v == null ? fallback : v;
    }

    public void put(State s, V value) {
        s.put(key, codec.encode(value));
    }

    public void kill(State s) {
        s.delete(key);
    }

    static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
