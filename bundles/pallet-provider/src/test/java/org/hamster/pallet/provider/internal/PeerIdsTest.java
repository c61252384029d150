package org.hamster.pallet.provider.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hamster.crypto.Base58;
import org.junit.jupiter.api.Test;

class PeerIdsTest {
    private static boolean valid(String s) {
        return PeerIds.valid(s.getBytes(StandardCharsets.UTF_8), 128);
    }

    private static String multihash(int code, byte[] digest) {
        byte[] mh = new byte[digest.length + 2];
        mh[0] = (byte) code;
        mh[1] = (byte) digest.length;
        System.arraycopy(digest, 0, mh, 2, digest.length);
        return Base58.encode(mh);
    }

    private static byte[] publicKey(int type, int length) {
        byte[] pk = new byte[length + 4];
        pk[0] = 0x08;
        pk[1] = (byte) type;
        pk[2] = 0x12;
        pk[3] = (byte) length;
        Arrays.fill(pk, 4, pk.length, (byte) 7);
        return pk;
    }

    @Test
    void theSpecsExamplePeerIdsAreValid() {
        assertTrue(valid("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"));
        assertTrue(valid("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N"));
        assertTrue(valid(new String(ProviderFixture.peer(3).unsafeArray(), StandardCharsets.US_ASCII)));
    }

    @Test
    void identityMultihashesMustInlineAnEd25519OrSecp256k1Key() {
        assertTrue(valid(multihash(0x00, publicKey(1, 32))));
        assertTrue(valid(multihash(0x00, publicKey(2, 33))));
        assertFalse(valid(multihash(0x00, publicKey(1, 31))));
        assertFalse(valid(multihash(0x00, publicKey(0, 32))), "RSA keys are never inlined");
        assertFalse(valid(multihash(0x00, publicKey(3, 32))));
        byte[] bad = publicKey(1, 32);
        bad[0] = 0x0a;
        assertFalse(valid(multihash(0x00, bad)));
        assertFalse(valid(multihash(0x00, new byte[43])));
    }

    @Test
    void otherTextIsRefused() {
        assertFalse(valid(""));
        assertFalse(valid("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5"), "truncated");
        assertFalse(valid("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N1"), "one byte too many");
        assertFalse(valid("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx50"), "0 is not base58");
        assertFalse(valid("bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe"), "CIDs are not accepted");
        assertFalse(valid(multihash(0x13, new byte[32])), "sha2-512 code with 32 bytes");
        assertFalse(valid(multihash(0x12, new byte[31])));
        assertFalse(valid("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA\n"));
        assertFalse(valid("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SÄ"));
        assertFalse(PeerIds.valid("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA".getBytes(
                StandardCharsets.US_ASCII), 51), "longer than the bound");
    }
}
