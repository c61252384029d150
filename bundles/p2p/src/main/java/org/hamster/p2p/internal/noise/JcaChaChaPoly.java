package org.hamster.p2p.internal.noise;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ChaCha20-Poly1305 of a JCA provider: Conscrypt's (BoringSSL, vectorised) runs at GB/s per core on direct buffers.
 * Heap arrays are only for small private ones (handshake messages): Conscrypt's JNI copies a whole Java array in
 * and back out, which for a slice of a pooled arena would be slow and would race with other users of that array.
 */
final class JcaChaChaPoly implements ChaChaPoly {
    static final String TRANSFORMATION = "ChaCha20/Poly1305/NoPadding";
    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] nonceBytes = new byte[12];

    JcaChaChaPoly(Provider provider, byte[] key) throws GeneralSecurityException {
        this.cipher = Cipher.getInstance(TRANSFORMATION, provider);
        this.key = new SecretKeySpec(key, "ChaCha20");
    }

    @Override
    public int seal(long nonce, byte[] ad, ByteBuffer in, ByteBuffer out) {
        try {
            init(Cipher.ENCRYPT_MODE, nonce, ad);
            return cipher.doFinal(in, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public int open(long nonce, byte[] ad, ByteBuffer in, ByteBuffer out) {
        try {
            init(Cipher.DECRYPT_MODE, nonce, ad);
            return cipher.doFinal(in, out);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    @Override
    public boolean prefersDirect() {
        return true;
    }

    private void init(int mode, long nonce, byte[] ad) throws GeneralSecurityException {
        ChaChaPoly.nonceBytes(nonce, nonceBytes);
        cipher.init(mode, key, new IvParameterSpec(nonceBytes));
        if (ad != null && ad.length > 0) {
            cipher.updateAAD(ad);
        }
    }
}
