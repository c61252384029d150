package org.hamster.p2p.internal.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.hamster.p2p.internal.WireException;
import org.junit.jupiter.api.Test;

/** The Noise state machine against the cacophony test vector of Noise_XX_25519_ChaChaPoly_SHA256. */
class XXHandshakeTest {
    private static final HexFormat HEX = HexFormat.of();
    // vectors/cacophony.txt of haskell-cryptography/cacophony: Noise_XX_25519_ChaChaPoly_SHA256
    private static final String PROLOGUE = "4a6f686e2047616c74";
    private static final String INIT_STATIC = "e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed542214d1";
    private static final String INIT_EPHEMERAL = "893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a";
    private static final String RESP_STATIC = "4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114246e4893";
    private static final String RESP_EPHEMERAL = "bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b";
    private static final String HANDSHAKE_HASH = "c8e5f64e846193be2a834104c2a009868d6c9f3bd3c186299888b488b2f1f58e";
    private static final String[][] MESSAGES = {
        {"4c756477696720766f6e204d69736573",
            "ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c79444c756477696720766f6e204d69736573"},
        {"4d757272617920526f746862617264",
            "95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f14480884381cbad1f276e038c48378ffce2b65285e08d6b68aa"
                + "a3629a5a8639392490e5b9bd5269c2f1e4f488ed8831161f19b7815528f8982ffe09be9b5c412f8a0db50f8814c7194e83f23dbd"
                + "8d162c9326ad"},
        {"462e20412e20486179656b",
            "c7195ffacac1307ff99046f219750fc47693e23c3cb08b89c2af808b444850a80ae475b9df0f169ae80a89be0865b57f58c9fea0d4"
                + "ec82a286427402f113e4b6ae769a1d95941d49b25030"},
        {"4361726c204d656e676572", "96763ed773f8e47bb3712f0e29b3060ffc956ffc146cee53d5e1df"},
        {"4a65616e2d426170746973746520536179", "3e40f15f6f3a46ae446b253bf8b1d9ffb6ed9b174d272328ff91a7e2e5c79c07f5"},
        {"457567656e2042f6686d20766f6e2042617765726b",
            "eb3f3515110702e047a6c9da4478b6ead94873c11c0f2d710ddb3f09fce024b3a58502ae3f"},
    };

    @Test
    void matchesTheCacophonyVectorByteForByte() {
        XXHandshake init = new XXHandshake(true, HEX.parseHex(INIT_STATIC), HEX.parseHex(PROLOGUE),
                HEX.parseHex(INIT_EPHEMERAL));
        XXHandshake resp = new XXHandshake(false, HEX.parseHex(RESP_STATIC), HEX.parseHex(PROLOGUE),
                HEX.parseHex(RESP_EPHEMERAL));
        for (int i = 0; i < 3; i++) {
            XXHandshake sender = i % 2 == 0 ? init : resp;
            XXHandshake receiver = i % 2 == 0 ? resp : init;
            byte[] wire = sender.writeMessage(HEX.parseHex(MESSAGES[i][0]));
            assertEquals(MESSAGES[i][1], HEX.formatHex(wire), "handshake message " + i);
            assertEquals(MESSAGES[i][0], HEX.formatHex(receiver.readMessage(wire)));
        }
        assertTrue(init.isComplete() && resp.isComplete());
        assertEquals(HANDSHAKE_HASH, HEX.formatHex(init.handshakeHash()));
        assertArrayEquals(init.handshakeHash(), resp.handshakeHash());
        assertArrayEquals(resp.staticPublicKey(), init.remoteStaticKey());
        assertArrayEquals(init.staticPublicKey(), resp.remoteStaticKey());
        CipherState[] i = init.split();
        CipherState[] r = resp.split();
        for (int m = 3; m < MESSAGES.length; m++) {
            CipherState send = m % 2 == 0 ? i[0] : r[0];
            CipherState receive = m % 2 == 0 ? r[1] : i[1];
            byte[] wire = send.encryptWithAd(new byte[0], HEX.parseHex(MESSAGES[m][0]));
            assertEquals(MESSAGES[m][1], HEX.formatHex(wire), "transport message " + m);
            assertEquals(MESSAGES[m][0], HEX.formatHex(receive.decryptWithAd(new byte[0], wire)));
        }
    }

    @Test
    void tamperedOrTruncatedMessagesFail() {
        for (int index : new int[] {0, 40, 95}) {
            XXHandshake init = new XXHandshake(true, XXHandshake.newPrivateKey(), new byte[0]);
            XXHandshake resp = new XXHandshake(false, XXHandshake.newPrivateKey(), new byte[0]);
            resp.readMessage(init.writeMessage(new byte[0]));
            byte[] second = resp.writeMessage(new byte[] {1, 2, 3});
            second[Math.min(index, second.length - 1)] ^= 1;
            assertThrows(WireException.class, () -> init.readMessage(second));
        }
        XXHandshake resp = new XXHandshake(false, XXHandshake.newPrivateKey(), new byte[0]);
        assertThrows(WireException.class, () -> resp.readMessage(new byte[31]));
        XXHandshake init = new XXHandshake(true, XXHandshake.newPrivateKey(), new byte[0]);
        init.writeMessage(new byte[0]);
        assertThrows(WireException.class, () -> init.readMessage(new byte[32 + 47]));
        // a low-order point as ephemeral key: the DH result is all zeros
        XXHandshake victim = new XXHandshake(true, XXHandshake.newPrivateKey(), new byte[0]);
        victim.writeMessage(new byte[0]);
        assertThrows(WireException.class, () -> victim.readMessage(new byte[32 + 48]));
    }

    @Test
    void outOfTurnCallsAreProgrammingErrors() {
        XXHandshake init = new XXHandshake(true, XXHandshake.newPrivateKey(), new byte[0]);
        assertThrows(IllegalStateException.class, () -> init.readMessage(new byte[32]));
        assertThrows(IllegalStateException.class, init::split);
    }

    @Test
    void cipherStateWorksInPlaceAndStopsAtTheLastNonce() {
        byte[] key = new byte[32];
        new Random(1).nextBytes(key);
        byte[] plain = new byte[1000];
        new Random(2).nextBytes(plain);
        byte[] separate = new CipherState(key).encryptWithAd(null, plain);
        byte[] inPlace = Arrays.copyOf(plain, plain.length + 16);
        assertEquals(1016, new CipherState(key).encrypt(null, inPlace, 0, plain.length, inPlace, 0));
        assertArrayEquals(separate, inPlace);
        CipherState receiver = new CipherState(key);
        byte[] tampered = separate.clone();
        tampered[5] ^= 1;
        assertThrows(WireException.class, () -> receiver.decryptWithAd(null, tampered));
        assertArrayEquals(plain, receiver.decryptWithAd(null, separate)); // the failure did not use up the nonce
        CipherState last = new CipherState(key);
        last.setNonce(-2L); // 2^64 - 2, the last usable nonce
        last.encryptWithAd(null, plain);
        assertThrows(WireException.class, () -> last.encryptWithAd(null, plain));
    }
}
