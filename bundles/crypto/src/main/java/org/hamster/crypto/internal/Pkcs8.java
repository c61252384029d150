package org.hamster.crypto.internal;

import java.util.Arrays;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/**
 * The PKCS#8-like body polkadot.js encrypts for an ed25519 pair: header, secret, divider, public key. We write
 * the 32-byte seed as the secret; polkadot.js writes seed ++ public key (64 bytes) and reads both.
 */
public final class Pkcs8 {
    private static final byte[] HEADER = {0x30, 0x53, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
        0x04, 0x22, 0x04, 0x20};
    private static final byte[] DIVIDER = {(byte) 0xa1, 0x23, 0x03, 0x21, 0x00};
    private static final int SEED = 32;
    private static final int PUBLIC = 32;

    private Pkcs8() {
    }

    /** Seed and public key of a decoded body. */
    public record Ed25519Body(byte[] seed, byte[] publicKey) {
    }

    public static byte[] encode(byte[] seed, byte[] publicKey) {
        byte[] out = new byte[HEADER.length + SEED + DIVIDER.length + PUBLIC];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        System.arraycopy(seed, 0, out, HEADER.length, SEED);
        System.arraycopy(DIVIDER, 0, out, HEADER.length + SEED, DIVIDER.length);
        System.arraycopy(publicKey, 0, out, HEADER.length + SEED + DIVIDER.length, PUBLIC);
        return out;
    }

    public static Ed25519Body decode(byte[] body) throws HamsterException {
        if (!startsWith(body, 0, HEADER)) {
            throw new HamsterException(ErrorCode.KEYSTORE, "the decrypted key does not start with the pkcs8 header");
        }
        for (int secret : new int[] {SEED + PUBLIC, SEED}) {
            int div = HEADER.length + secret;
            if (body.length == div + DIVIDER.length + PUBLIC && startsWith(body, div, DIVIDER)) {
                return new Ed25519Body(Arrays.copyOfRange(body, HEADER.length, HEADER.length + SEED),
                        Arrays.copyOfRange(body, div + DIVIDER.length, body.length));
            }
        }
        throw new HamsterException(ErrorCode.KEYSTORE, "the decrypted key is not an ed25519 pkcs8 body");
    }

    private static boolean startsWith(byte[] data, int off, byte[] prefix) {
        return data.length >= off + prefix.length
                && Arrays.equals(data, off, off + prefix.length, prefix, 0, prefix.length);
    }
}
