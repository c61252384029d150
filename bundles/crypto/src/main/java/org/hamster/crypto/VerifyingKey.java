package org.hamster.crypto;

import org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint;

/**
 * An Ed25519 public key decoded once, so that verifying many signatures of the same signer skips the point
 * decompression. A key that does not decode to a curve point verifies nothing.
 */
public final class VerifyingKey {
    private final byte[] publicKey;
    private final PublicPoint point;

    private VerifyingKey(byte[] publicKey, PublicPoint point) {
        this.publicKey = publicKey;
        this.point = point;
    }

    static VerifyingKey of(byte[] publicKey) {
        if (publicKey == null || publicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
            return new VerifyingKey(new byte[0], null);
        }
        byte[] copy = publicKey.clone();
        PublicPoint point;
        try {
            point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(copy, 0);
        } catch (RuntimeException e) {
            point = null;
        }
        return new VerifyingKey(copy, point);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** False when the key is not a curve point. */
    public boolean isValid() {
        return point != null;
    }

    public boolean verify(byte[] msg, byte[] sig) {
        return msg != null && verify(sig, 0, msg, 0, msg.length);
    }

    /** Reads signature and message in place; false on malformed input or out-of-range offsets. */
    public boolean verify(byte[] sig, int sigOff, byte[] msg, int msgOff, int msgLen) {
        if (point == null || sig == null || msg == null || sigOff < 0 || msgOff < 0 || msgLen < 0
                || sig.length - sigOff < Ed25519.SIGNATURE_LENGTH || msg.length - msgOff < msgLen) {
            return false;
        }
        try {
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, sigOff, point, msg, msgOff, msgLen);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
