package org.hamster.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

class Ed25519Test {
    private static final byte[] RFC_SEED =
            Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final String RFC_PUB = "0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC_SIG = "0xe5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    private static final byte[] MSG = "hamster".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc8032TestVector1() {
        Ed25519.KeyPair pair = Ed25519.fromSeed(RFC_SEED);
        assertEquals(RFC_PUB, Hex.encode(pair.publicKey()));
        byte[] sig = pair.sign(new byte[0]);
        assertEquals(RFC_SIG, Hex.encode(sig));
        assertTrue(Ed25519.verify(pair.publicKey(), new byte[0], sig));
    }

    @Test
    void signatureMatchesTweetnacl() {
        byte[] sig = Ed25519.fromSeed(RFC_SEED).sign(MSG);
        assertEquals("0xd3fcf6215f9c19788080a40920f6f38ce0176fca3e5a9f2e6b6b22daed8d322aaaabf1a627673f3ed5373989b1"
                + "7bcc367bfa2b8109c444e85f1d774702353706", Hex.encode(sig));
    }

    @Test
    void verifyRejectsWrongInputsWithoutThrowing() {
        Ed25519.KeyPair pair = Ed25519.generate();
        byte[] sig = pair.sign(MSG);
        byte[] pub = pair.publicKey();
        assertTrue(Ed25519.verify(pub, MSG, sig));
        assertFalse(Ed25519.verify(pub, "hamstex".getBytes(StandardCharsets.US_ASCII), sig));
        assertFalse(Ed25519.verify(Ed25519.generate().publicKey(), MSG, sig));
        byte[] flipped = sig.clone();
        flipped[10] ^= 1;
        assertFalse(Ed25519.verify(pub, MSG, flipped));
        assertFalse(Ed25519.verify(pub, MSG, Arrays.copyOf(sig, 63)));
        assertFalse(Ed25519.verify(Arrays.copyOf(pub, 31), MSG, sig));
        assertFalse(Ed25519.verify(null, MSG, sig));
        assertFalse(Ed25519.verify(pub, null, sig));
        assertFalse(Ed25519.verify(pub, MSG, null));
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xff);
        assertFalse(Ed25519.verify(pub, MSG, garbage));
        assertFalse(Ed25519.verify(Arrays.copyOf(garbage, 32), MSG, sig));
        assertFalse(Ed25519.verify(new byte[32], MSG, new byte[64]));
        assertFalse(Ed25519.verify(pub, 5, sig, 0, MSG, 0, MSG.length));
        assertFalse(Ed25519.verify(pub, 0, sig, 0, MSG, 3, MSG.length));
        assertFalse(Ed25519.verify(pub, -1, sig, 0, MSG, 0, MSG.length));
    }

    @Test
    void verifyInPlaceReadsSlicesOfLargerBuffers() {
        Ed25519.KeyPair pair = Ed25519.fromSeed(RFC_SEED);
        byte[] buf = new byte[3 + 32 + 64 + MSG.length];
        System.arraycopy(pair.publicKey(), 0, buf, 3, 32);
        pair.sign(MSG, 0, MSG.length, buf, 35);
        System.arraycopy(MSG, 0, buf, 99, MSG.length);
        assertTrue(Ed25519.verify(buf, 3, buf, 35, buf, 99, MSG.length));
        assertFalse(Ed25519.verify(buf, 3, buf, 35, buf, 98, MSG.length));
    }

    @Test
    void verifyingKeyVerifiesRepeatedly() {
        Ed25519.KeyPair pair = Ed25519.generate();
        VerifyingKey key = Ed25519.verifyingKey(pair.publicKey());
        assertTrue(key.isValid());
        for (int i = 0; i < 5; i++) {
            byte[] msg = new byte[] {(byte) i};
            assertTrue(key.verify(msg, pair.sign(msg)));
            assertFalse(key.verify(msg, pair.sign(new byte[] {(byte) (i + 1)})));
        }
        assertFalse(key.verify(MSG, new byte[3]));
        VerifyingKey bad = Ed25519.verifyingKey(new byte[5]);
        assertFalse(bad.isValid());
        assertFalse(bad.verify(MSG, pair.sign(MSG)));
    }

    @Test
    void keyPairBasics() {
        Ed25519.KeyPair a = Ed25519.fromSeed(RFC_SEED);
        assertArrayEquals(RFC_SEED, a.seed());
        assertEquals(a, Ed25519.fromSeed(RFC_SEED));
        assertNotEquals(a, Ed25519.generate());
        assertFalse(a.toString().contains(Hex.encode(RFC_SEED).substring(2)));
        assertThrows(IllegalArgumentException.class, () -> Ed25519.fromSeed(new byte[31]));
        assertTrue(a.verify(MSG, a.sign(MSG)));
    }
}
