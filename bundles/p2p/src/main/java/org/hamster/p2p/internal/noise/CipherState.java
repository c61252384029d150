package org.hamster.p2p.internal.noise;

import java.nio.ByteBuffer;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.internal.WireException;

/**
 * A Noise CipherState for ChaChaPoly: a 32-byte key and a 64-bit nonce, encoded as 4 zero bytes and the counter in
 * little-endian. The nonce 2^64-1 is reserved, so a state refuses to work once it gets there. A failed decryption
 * does not advance the nonce. Not thread-safe: each direction of a connection has its own state.
 */
final class CipherState {
    static final int TAG_LENGTH = ChaChaPoly.TAG_LENGTH;
    private static final long EXHAUSTED = -1L; // 2^64-1 as an unsigned long
    private final ChaChaPoly aead;
    private long nonce;

    /** A state without a key: handshake payloads pass through unencrypted until the first MixKey. */
    CipherState() {
        this.aead = null;
    }

    CipherState(byte[] key) {
        this(ChaChaPolys.create(checkKey(key)));
    }

    /** For tests: a state over a given implementation. */
    CipherState(ChaChaPoly aead) {
        this.aead = aead;
    }

    private static byte[] checkKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a ChaChaPoly key has 32 bytes");
        }
        return key;
    }

    boolean hasKey() {
        return aead != null;
    }

    /** For tests: start at a given nonce. */
    void setNonce(long n) {
        nonce = n;
    }

    /** Encrypts {@code in[inOff, inOff+len)} into {@code out} at {@code outOff}; returns len + 16. In place is fine. */
    int encrypt(byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        return encrypt(ad, ByteBuffer.wrap(in, inOff, len), ByteBuffer.wrap(out, outOff, len + TAG_LENGTH));
    }

    /** Encrypts the remaining bytes of {@code in} into {@code out} (may be the same memory); returns len + 16. */
    int encrypt(byte[] ad, ByteBuffer in, ByteBuffer out) {
        checkUsable();
        int n = aead.seal(nonce, ad, in, out);
        nonce++;
        return n;
    }

    /** Decrypts {@code len} bytes (ciphertext + tag); returns the plaintext length. Throws on a bad tag. */
    int decrypt(byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        return decrypt(ad, ByteBuffer.wrap(in, inOff, len), ByteBuffer.wrap(out, outOff, out.length - outOff));
    }

    /** Decrypts the remaining bytes of {@code in} (ciphertext + tag) into {@code out}. Throws on a bad tag. */
    int decrypt(byte[] ad, ByteBuffer in, ByteBuffer out) {
        if (in.remaining() < TAG_LENGTH) {
            throw new WireException(P2pException.Reason.PROTOCOL_ERROR, "noise: message shorter than its tag");
        }
        checkUsable();
        int n = aead.open(nonce, ad, in, out);
        if (n < 0) {
            throw new WireException(P2pException.Reason.PROTOCOL_ERROR, "noise: decryption failed");
        }
        nonce++;
        return n;
    }

    /** Whether frames should live in direct buffers (native cipher) or on the heap (pure Java). */
    boolean prefersDirect() {
        return aead != null && aead.prefersDirect();
    }

    /** EncryptWithAd of the Noise spec: the plaintext itself while there is no key. */
    byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
        if (!hasKey()) {
            return plaintext.clone();
        }
        byte[] out = new byte[plaintext.length + TAG_LENGTH];
        encrypt(ad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    byte[] decryptWithAd(byte[] ad, byte[] ciphertext) {
        if (!hasKey()) {
            return ciphertext.clone();
        }
        if (ciphertext.length < TAG_LENGTH) {
            throw new WireException(P2pException.Reason.HANDSHAKE_FAILED, "noise: handshake message truncated");
        }
        byte[] out = new byte[ciphertext.length - TAG_LENGTH];
        decrypt(ad, ciphertext, 0, ciphertext.length, out, 0);
        return out;
    }

    private void checkUsable() {
        if (aead == null) {
            throw new IllegalStateException("no key");
        }
        if (nonce == EXHAUSTED) {
            throw new WireException(P2pException.Reason.PROTOCOL_ERROR, "noise: nonce space exhausted");
        }
    }
}
