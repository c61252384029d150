package org.hamster.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

/** Against a box sealed by tweetnacl's {@code nacl.secretbox} with the same key, nonce and message. */
class SecretBoxTest {
    private static final byte[] KEY = Hex.decode("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
    private static final byte[] NONCE = Hex.decode("0x6465666768696a6b6c6d6e6f707172737475767778797a7b");
    private static final byte[] MESSAGE = "Hamster secretbox test vector: hello, world! 0123456789"
            .getBytes(StandardCharsets.US_ASCII);
    private static final String TWEETNACL_BOX = "0x45e59637fe53ae4d2d94634e1a6b47131c3758f7a7a62e2a4def41391d5043c6"
            + "58e18aad1baa68c7429ca887a41966220334c2ac7ac38c3481ccf67aad01b0f4312cdcba3054c7";

    @Test
    void sealsLikeTweetnacl() {
        assertEquals(TWEETNACL_BOX, Hex.encode(SecretBox.seal(KEY, NONCE, MESSAGE)));
    }

    @Test
    void opensTweetnaclBox() {
        assertArrayEquals(MESSAGE, SecretBox.open(KEY, NONCE, Hex.decode(TWEETNACL_BOX)));
    }

    @Test
    void refusesAlteredBoxesAndWrongKeys() {
        byte[] box = Hex.decode(TWEETNACL_BOX);
        box[20] ^= 1;
        assertNull(SecretBox.open(KEY, NONCE, box));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertNull(SecretBox.open(otherKey, NONCE, Hex.decode(TWEETNACL_BOX)));
        assertNull(SecretBox.open(KEY, NONCE, new byte[15]));
    }

    @Test
    void emptyMessage() {
        byte[] box = SecretBox.seal(KEY, NONCE, new byte[0]);
        assertEquals(SecretBox.TAG_LENGTH, box.length);
        assertArrayEquals(new byte[0], SecretBox.open(KEY, NONCE, box));
    }
}
