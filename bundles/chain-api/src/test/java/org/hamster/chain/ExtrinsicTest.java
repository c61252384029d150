package org.hamster.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.hamster.chain.Extrinsic.SignatureType;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.junit.jupiter.api.Test;

class ExtrinsicTest {
    private static final AccountId ALICE = AccountId.of(filled(32, 0x11));
    private static final byte[] CALL = {2, 0, 0, 5};

    private static byte[] filled(int n, int b) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }

    @Test
    void decodesEveryMultiSignatureVariantAndKeepsIt() {
        for (SignatureType type : SignatureType.values()) {
            byte[] sig = filled(type.length(), 1);
            Era era = Era.mortal(64, 100);
            byte[] opaque = Extrinsic.signed(ALICE, type, sig, era, 7, BigInteger.TEN, CALL);
            Extrinsic xt = Extrinsic.decode(opaque);
            assertTrue(xt.signed());
            assertEquals(type, xt.signatureType());
            assertArrayEquals(sig, xt.signature());
            assertEquals(ALICE, xt.signer());
            assertEquals(era, xt.era());
            assertEquals(7, xt.nonce());
            assertEquals(BigInteger.TEN, xt.tip());
            assertArrayEquals(CALL, xt.call());
            assertArrayEquals(opaque, xt.encoded());
        }
        assertEquals(65, SignatureType.ECDSA.length());
        assertEquals(1, SignatureType.SR25519.index());
    }

    @Test
    void theEd25519FormIsUnchanged() {
        byte[] sig = filled(64, 9);
        byte[] opaque = Extrinsic.signed(ALICE, sig, Era.IMMORTAL, 0, BigInteger.ZERO, CALL);
        ScaleReader r = new ScaleReader(opaque);
        r.compactLength();
        assertEquals(0x84, r.u8());
        assertEquals(0, r.u8(), "MultiAddress::Id");
        r.bytes(32);
        assertEquals(0, r.u8(), "MultiSignature::Ed25519");
        assertEquals(SignatureType.ED25519, Extrinsic.decode(opaque).signatureType());
    }

    @Test
    void unsignedHasNoSignatureType() {
        Extrinsic xt = Extrinsic.decode(Extrinsic.unsigned(CALL));
        assertFalse(xt.signed());
        assertNull(xt.signatureType());
    }

    @Test
    void malformedSignaturesAreRejected() {
        byte[] body = new ScaleWriter().u8(0x84).u8(0).bytes(ALICE.publicKey()).u8(3).bytes(filled(64, 1)).u8(0)
                .compact(0).compact(0).bytes(CALL).toByteArray();
        ScaleException e = assertThrows(ScaleException.class,
                () -> Extrinsic.decode(new ScaleWriter().vecBytes(body).toByteArray()));
        assertTrue(e.getMessage().contains("MultiSignature"), e.getMessage());
        byte[] shortEcdsa = new ScaleWriter().u8(0x84).u8(0).bytes(ALICE.publicKey()).u8(2).bytes(filled(64, 1))
                .toByteArray();
        assertThrows(ScaleException.class, () -> Extrinsic.decode(new ScaleWriter().vecBytes(shortEcdsa)
                .toByteArray()));
        assertThrows(IllegalArgumentException.class,
                () -> Extrinsic.signed(ALICE, SignatureType.ECDSA, filled(64, 1), Era.IMMORTAL, 0, BigInteger.ZERO,
                        CALL));
    }
}
