package org.hamster.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) keys and signatures on Bouncy Castle's low-level implementation. Verification never
 * throws: malformed keys or signatures simply do not verify.
 */
public final class Ed25519 {
    public static final int SEED_LENGTH = 32;
    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        org.bouncycastle.math.ec.rfc8032.Ed25519.precompute();
    }

    private Ed25519() {
    }

    /** The key pair of a 32-byte secret seed. */
    public static KeyPair fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an ed25519 seed has 32 bytes");
        }
        return new KeyPair(seed.clone());
    }

    /** A fresh key pair from a {@link SecureRandom} seed. */
    public static KeyPair generate() {
        byte[] seed = new byte[SEED_LENGTH];
        RANDOM.nextBytes(seed);
        return new KeyPair(seed);
    }

    /** True iff {@code sig} is a valid signature of {@code msg} by {@code publicKey}; false on any malformed input. */
    public static boolean verify(byte[] publicKey, byte[] msg, byte[] sig) {
        return msg != null && verify(publicKey, 0, sig, 0, msg, 0, msg.length);
    }

    /**
     * Allocation-light variant for batches: key, signature and message are read in place from larger buffers
     * (for example a whole encoded extrinsic). False on any malformed input or out-of-range offsets.
     */
    public static boolean verify(byte[] publicKey, int pubOff, byte[] sig, int sigOff,
            byte[] msg, int msgOff, int msgLen) {
        if (publicKey == null || sig == null || msg == null || pubOff < 0 || sigOff < 0 || msgOff < 0 || msgLen < 0
                || publicKey.length - pubOff < PUBLIC_KEY_LENGTH || sig.length - sigOff < SIGNATURE_LENGTH
                || msg.length - msgOff < msgLen) {
            return false;
        }
        try {
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, sigOff, publicKey, pubOff, msg, msgOff, msgLen);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A decoded key for verifying many signatures of one signer; a key that is no curve point verifies nothing. */
    public static VerifyingKey verifyingKey(byte[] publicKey) {
        return VerifyingKey.of(publicKey);
    }

    /** A 32-byte secret seed and its 32-byte public key. */
    public static final class KeyPair {
        private final byte[] seed;
        private final byte[] publicKey = new byte[PUBLIC_KEY_LENGTH];

        private KeyPair(byte[] seed) {
            this.seed = seed;
            org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        }

        public byte[] seed() {
            return seed.clone();
        }

        public byte[] publicKey() {
            return publicKey.clone();
        }

        /** The SS58 address of the public key with the generic Substrate prefix 42. */
        public String address() {
            return Ss58.encode(publicKey);
        }

        /** The 64-byte signature of {@code msg}. */
        public byte[] sign(byte[] msg) {
            byte[] sig = new byte[SIGNATURE_LENGTH];
            sign(msg, 0, msg.length, sig, 0);
            return sig;
        }

        /** Signs {@code msg[off, off + len)} into {@code sig[sigOff, sigOff + 64)}. */
        public void sign(byte[] msg, int off, int len, byte[] sig, int sigOff) {
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, publicKey, 0, msg, off, len, sig, sigOff);
        }

        public boolean verify(byte[] msg, byte[] sig) {
            return Ed25519.verify(publicKey, msg, sig);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyPair k && Arrays.equals(publicKey, k.publicKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(publicKey);
        }

        /** Shows the address only, never the seed. */
        @Override
        public String toString() {
            return "Ed25519.KeyPair[" + address() + "]";
        }
    }
}
