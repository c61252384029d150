package org.hamster.p2p.internal.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.internal.WireException;

/**
 * The Noise_XX_25519_ChaChaPoly_SHA256 handshake state (Noise spec sections 5 and 7):
 * <pre>
 *   -&gt; e
 *   &lt;- e, ee, s, es
 *   -&gt; s, se
 * </pre>
 * {@link #writeMessage} and {@link #readMessage} alternate as the pattern says; after the third message
 * {@link #split()} yields the transport cipher states.
 */
final class XXHandshake {
    static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";
    static final int DH_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final boolean initiator;
    private final byte[] s;
    private final byte[] sPub = new byte[DH_LENGTH];
    private byte[] e;
    private final byte[] ePub = new byte[DH_LENGTH];
    private byte[] rs;
    private byte[] re;
    private byte[] ck;
    private byte[] h;
    private CipherState cipher = new CipherState();
    private int step;

    /** A handshake with a fresh ephemeral key. */
    XXHandshake(boolean initiator, byte[] staticPrivate, byte[] prologue) {
        this(initiator, staticPrivate, prologue, null);
    }

    /** {@code ephemeralPrivate} fixed for test vectors; null for a fresh one. */
    XXHandshake(boolean initiator, byte[] staticPrivate, byte[] prologue, byte[] ephemeralPrivate) {
        this.initiator = initiator;
        this.s = staticPrivate.clone();
        X25519.generatePublicKey(s, 0, sPub, 0);
        this.e = ephemeralPrivate == null ? null : ephemeralPrivate.clone();
        byte[] name = PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII); // exactly 32 bytes: used as is
        this.h = name;
        this.ck = name.clone();
        mixHash(prologue);
    }

    static byte[] newPrivateKey() {
        byte[] k = new byte[DH_LENGTH];
        X25519.generatePrivateKey(RANDOM, k);
        return k;
    }

    byte[] staticPublicKey() {
        return sPub.clone();
    }

    byte[] remoteStaticKey() {
        return rs == null ? null : rs.clone();
    }

    boolean isComplete() {
        return step == 3;
    }

    byte[] handshakeHash() {
        return h.clone();
    }

    /** The next message of this side, carrying {@code payload}. */
    byte[] writeMessage(byte[] payload) {
        if (step >= 3 || (step % 2 == 0) != initiator) {
            throw new IllegalStateException("not this side's turn to write (message " + (step + 1) + ")");
        }
        byte[] head;
        if (step == 0) {
            head = writeEphemeral();
        } else if (step == 1) {
            byte[] eBytes = writeEphemeral();
            mixKey(dh(e, re));
            byte[] sEnc = encryptAndHash(sPub);
            mixKey(dh(s, re));
            head = concat(eBytes, sEnc);
        } else {
            head = encryptAndHash(sPub);
            mixKey(dh(s, re));
        }
        step++;
        return concat(head, encryptAndHash(payload));
    }

    /** Processes the remote's next message; returns its payload. Throws {@link WireException} when it is bad. */
    byte[] readMessage(byte[] message) {
        if (step >= 3 || (step % 2 == 0) == initiator) {
            throw new IllegalStateException("not this side's turn to read (message " + (step + 1) + ")");
        }
        int off = 0;
        if (step < 2) {
            need(message, DH_LENGTH);
            re = Arrays.copyOfRange(message, 0, DH_LENGTH);
            mixHash(re);
            off = DH_LENGTH;
        }
        if (step == 1) {
            mixKey(dh(e, re));
        }
        if (step >= 1) {
            int sLen = DH_LENGTH + CipherState.TAG_LENGTH;
            need(message, off + sLen);
            rs = decryptAndHash(Arrays.copyOfRange(message, off, off + sLen));
            off += sLen;
            mixKey(dh(e, rs)); // es for the initiator, se for the responder
        }
        byte[] payload = decryptAndHash(Arrays.copyOfRange(message, off, message.length));
        step++;
        return payload;
    }

    /** The transport states of this side: [0] encrypts what it sends, [1] decrypts what it receives. */
    CipherState[] split() {
        if (!isComplete()) {
            throw new IllegalStateException("the handshake is not complete");
        }
        byte[][] k = hkdf(ck, new byte[0]);
        CipherState c1 = new CipherState(k[0]);
        CipherState c2 = new CipherState(k[1]);
        return initiator ? new CipherState[] {c1, c2} : new CipherState[] {c2, c1};
    }

    private byte[] writeEphemeral() {
        if (e == null) {
            e = newPrivateKey();
        }
        X25519.generatePublicKey(e, 0, ePub, 0);
        mixHash(ePub);
        return ePub.clone();
    }

    private void mixHash(byte[] data) {
        MessageDigest d = sha256();
        d.update(h);
        d.update(data);
        h = d.digest();
    }

    private void mixKey(byte[] ikm) {
        byte[][] k = hkdf(ck, ikm);
        ck = k[0];
        cipher = new CipherState(k[1]);
    }

    private byte[] encryptAndHash(byte[] plaintext) {
        byte[] c = cipher.encryptWithAd(h, plaintext);
        mixHash(c);
        return c;
    }

    private byte[] decryptAndHash(byte[] ciphertext) {
        byte[] p;
        try {
            p = cipher.decryptWithAd(h, ciphertext);
        } catch (WireException ex) {
            throw new WireException(P2pException.Reason.HANDSHAKE_FAILED, ex.getMessage());
        }
        mixHash(ciphertext);
        return p;
    }

    private static byte[] dh(byte[] priv, byte[] pub) {
        byte[] out = new byte[DH_LENGTH];
        if (!X25519.calculateAgreement(priv, 0, pub, 0, out, 0)) {
            throw new WireException(P2pException.Reason.HANDSHAKE_FAILED, "noise: low-order X25519 public key");
        }
        return out;
    }

    /** HKDF of the Noise spec with two outputs. */
    static byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
        byte[] temp = hmac(chainingKey, ikm);
        byte[] out1 = hmac(temp, new byte[] {1});
        byte[] out2 = hmac(temp, concat(out1, new byte[] {2}));
        return new byte[][] {out1, out2};
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    private static void need(byte[] message, int length) {
        if (message.length < length) {
            throw new WireException(P2pException.Reason.HANDSHAKE_FAILED, "noise: handshake message truncated");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
