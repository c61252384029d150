package org.hamster.p2p.internal.noise;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.internal.WireException;

/**
 * A Noise CipherState for ChaChaPoly: a 32-byte key and a 64-bit nonce, encoded as 4 zero bytes and the counter in
 * little-endian. The nonce 2^64-1 is reserved, so a state refuses to work once it gets there. A failed decryption
 * does not advance the nonce. Not thread-safe: each direction of a connection has its own state.
 */
final class CipherState {
    static final int TAG_LENGTH = 16;
    private static final long EXHAUSTED = -1L; // 2^64-1 as an unsigned long
    private final KeyParameter key;
    private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    private final byte[] nonceBytes = new byte[12];
    private long nonce;

    /** A state without a key: handshake payloads pass through unencrypted until the first MixKey. */
    CipherState() {
        this.key = null;
    }

    CipherState(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a ChaChaPoly key has 32 bytes");
        }
        this.key = new KeyParameter(key);
    }

    boolean hasKey() {
        return key != null;
    }

    /** For tests: start at a given nonce. */
    void setNonce(long n) {
        nonce = n;
    }

    /** Encrypts {@code in[inOff, inOff+len)} into {@code out} at {@code outOff}; returns len + 16. In place is fine. */
    int encrypt(byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        init(true, ad);
        int n = aead.processBytes(in, inOff, len, out, outOff);
        try {
            n += aead.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail", e);
        }
        nonce++;
        return n;
    }

    /** Decrypts {@code len} bytes (ciphertext + tag); returns the plaintext length. Throws on a bad tag. */
    int decrypt(byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (len < TAG_LENGTH) {
            throw new WireException(P2pException.Reason.PROTOCOL_ERROR, "noise: message shorter than its tag");
        }
        init(false, ad);
        int n = aead.processBytes(in, inOff, len, out, outOff);
        try {
            n += aead.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            throw new WireException(P2pException.Reason.PROTOCOL_ERROR, "noise: decryption failed");
        }
        nonce++;
        return n;
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

    private void init(boolean forEncryption, byte[] ad) {
        if (key == null) {
            throw new IllegalStateException("no key");
        }
        if (nonce == EXHAUSTED) {
            throw new WireException(P2pException.Reason.PROTOCOL_ERROR, "noise: nonce space exhausted");
        }
        long n = nonce;
        for (int i = 4; i < 12; i++) {
            nonceBytes[i] = (byte) n;
            n >>>= 8;
        }
        aead.init(forEncryption, new AEADParameters(key, TAG_LENGTH * 8, nonceBytes, ad));
    }
}
