package org.hamster.chain.spi;

import org.hamster.crypto.Blake2b;
import org.hamster.crypto.Twox;

/** Substrate storage hashers (metadata StorageHasher order). */
public enum Hasher {
    BLAKE2_128, BLAKE2_256, BLAKE2_128_CONCAT, TWOX_128, TWOX_256, TWOX_64_CONCAT, IDENTITY;

    public byte[] hash(byte[] key) {
        return switch (this) {
            case BLAKE2_128 -> Blake2b.hash128(key);
            case BLAKE2_256 -> Blake2b.hash256(key);
            case BLAKE2_128_CONCAT -> concat(Blake2b.hash128(key), key);
            case TWOX_128 -> Twox.hash128(key);
            case TWOX_256 -> Twox.hash256(key);
            case TWOX_64_CONCAT -> concat(Twox.hash64(key), key);
            case IDENTITY -> key.clone();
        };
    }

    /** Bytes of the hashed key that precede the original key (for *Concat hashers), else -1. */
    public int prefixLength() {
        return switch (this) {
            case BLAKE2_128_CONCAT -> 16;
            case TWOX_64_CONCAT -> 8;
            case IDENTITY -> 0;
            default -> -1;
        };
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
