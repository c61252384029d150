package org.hamster.chain;

import java.util.Arrays;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.common.Hex;

/** A 32-byte hash (block, extrinsic, state root). */
public final class H256 implements Comparable<H256> {
    public static final H256 ZERO = new H256(new byte[32]);
    public static final Codec<H256> CODEC = Codecs.of((w, h) -> w.bytes(h.bytes), r -> new H256(r.bytes(32)));
    private final byte[] bytes;
    /** Cached {@link #hashCode()} (0: not computed yet); racy but idempotent, as String's. */
    private int hash;

    private H256(byte[] bytes) {
        this.bytes = bytes;
    }

    public static H256 of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("hash must be 32 bytes, got " + bytes.length);
        }
        return new H256(bytes.clone());
    }

    public static H256 fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof H256 h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(H256 o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
