package org.hamster.crypto.internal;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl's crypto_secretbox (XSalsa20-Poly1305): the first 32 keystream bytes key Poly1305, the rest encrypts the
 * message, and the box is the 16-byte tag of the ciphertext followed by the ciphertext.
 */
public final class SecretBox {
    public static final int KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 24;
    public static final int TAG_LENGTH = 16;

    private SecretBox() {
    }

    public static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
        XSalsa20Engine cipher = cipher(key, nonce);
        byte[] polyKey = polyKey(cipher);
        byte[] box = new byte[TAG_LENGTH + message.length];
        cipher.processBytes(message, 0, message.length, box, TAG_LENGTH);
        mac(polyKey, box, box);
        return box;
    }

    /** The message, or null when the box was not sealed with this key and nonce or was altered. */
    public static byte[] open(byte[] key, byte[] nonce, byte[] box) {
        if (box.length < TAG_LENGTH) {
            return null;
        }
        XSalsa20Engine cipher = cipher(key, nonce);
        byte[] expected = new byte[TAG_LENGTH];
        mac(polyKey(cipher), box, expected);
        if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(TAG_LENGTH, expected, 0, box, 0)) {
            return null;
        }
        byte[] message = new byte[box.length - TAG_LENGTH];
        cipher.processBytes(box, TAG_LENGTH, message.length, message, 0);
        return message;
    }

    private static XSalsa20Engine cipher(byte[] key, byte[] nonce) {
        if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("secretbox takes a 32-byte key and a 24-byte nonce");
        }
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    /** The first 32 keystream bytes, which leaves the cipher positioned for the message. */
    private static byte[] polyKey(XSalsa20Engine cipher) {
        byte[] polyKey = new byte[KEY_LENGTH];
        cipher.processBytes(polyKey, 0, KEY_LENGTH, polyKey, 0);
        return polyKey;
    }

    /** Writes the tag of the ciphertext part of {@code box} into the first 16 bytes of {@code out}. */
    private static void mac(byte[] polyKey, byte[] box, byte[] out) {
        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(polyKey));
        poly.update(box, TAG_LENGTH, box.length - TAG_LENGTH);
        poly.doFinal(out, 0);
        Arrays.fill(polyKey, (byte) 0);
    }
}
