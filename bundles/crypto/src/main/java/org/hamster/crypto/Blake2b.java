package org.hamster.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Blake2b hashing (RFC 7693) as Substrate uses it: unkeyed, 128/256/512-bit outputs. */
public final class Blake2b {
    private Blake2b() {
    }

    public static byte[] hash128(byte[] data) {
        return hash(16, null, data);
    }

    public static byte[] hash256(byte[] data) {
        return hash(32, null, data);
    }

    public static byte[] hash512(byte[] data) {
        return hash(64, null, data);
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
        Blake2bDigest digest = new Blake2bDigest(key, outBytes, null, null);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[outBytes];
        digest.doFinal(out, 0);
        return out;
    }
}
