package org.hamster.p2p.internal.noise;

import java.nio.ByteBuffer;

/**
 * ChaCha20-Poly1305 (RFC 8439) under one key, with the nonce as Noise builds it: four zero bytes and a 64-bit
 * little-endian counter. Implementations are not thread-safe; each direction of a connection has its own.
 */
interface ChaChaPoly {
    int TAG_LENGTH = 16;

    /**
     * Encrypts the remaining bytes of {@code in} into {@code out} from its position, which may be the same memory
     * (in place); returns the bytes written, the input length + 16. Both buffers' positions advance.
     */
    int seal(long nonce, byte[] ad, ByteBuffer in, ByteBuffer out);

    /**
     * Decrypts the remaining bytes of {@code in} (ciphertext and tag) into {@code out}; returns the plaintext
     * length, or -1 if the tag does not verify (what {@code out} then holds is garbage).
     */
    int open(long nonce, byte[] ad, ByteBuffer in, ByteBuffer out);

    /** True if direct (off-heap) buffers are the fast path, false for heap arrays. */
    boolean prefersDirect();

    /** The 12-byte RFC 8439 nonce for a Noise counter. */
    static void nonceBytes(long counter, byte[] into) {
        for (int i = 0; i < 4; i++) {
            into[i] = 0;
        }
        long n = counter;
        for (int i = 4; i < 12; i++) {
            into[i] = (byte) n;
            n >>>= 8;
        }
    }
}
