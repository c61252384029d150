package org.hamster.crypto;

import org.hamster.crypto.internal.Blake2bEngine;

/**
 * Blake2b hashing (RFC 7693) as Substrate uses it: unkeyed, 128/256/512-bit outputs. The implementation
 * (checked against Bouncy Castle's in the tests) allocates nothing but the result.
 */
public final class Blake2b {
    private Blake2b() {
    }

    public static byte[] hash128(byte[] data) {
        return Blake2bEngine.hash(16, data, 0, data.length);
    }

    public static byte[] hash256(byte[] data) {
        return Blake2bEngine.hash(32, data, 0, data.length);
    }

    public static byte[] hash512(byte[] data) {
        return Blake2bEngine.hash(64, data, 0, data.length);
    }

    /**
     * Hashes the concatenation of {@code parts} into {@code outBytes} (1..64) bytes, keyed when {@code key}
     * (at most 64 bytes) is not null.
     */
    public static byte[] hash(int outBytes, byte[] key, byte[]... parts) {
        if (outBytes < 1 || outBytes > 64) {
            throw new IllegalArgumentException("blake2b output length must be 1..64 bytes, not " + outBytes);
        }
        if (key != null && key.length > 64) {
            throw new IllegalArgumentException("blake2b key must be at most 64 bytes, not " + key.length);
        }
        return Blake2bEngine.hash(outBytes, key, parts);
    }

    /** Unkeyed hash of {@code data[off, off + len)} into {@code outBytes} (1..64) bytes. */
    public static byte[] hash(int outBytes, byte[] data, int off, int len) {
        if (outBytes < 1 || outBytes > 64) {
            throw new IllegalArgumentException("blake2b output length must be 1..64 bytes, not " + outBytes);
        }
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        return Blake2bEngine.hash(outBytes, data, off, len);
    }
}
