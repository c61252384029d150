package org.hamster.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

/** Blake2b and twox against RFC 7693, Substrate's storage prefixes and @polkadot/util-crypto outputs. */
class HashTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** 0, 7, 14, ... mod 256 shifted by 3: the same bytes the reference values were computed over. */
    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }

    @Test
    void blake2bVectors() {
        assertEquals("0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
                Hex.encode(Blake2b.hash256(new byte[0])));
        assertEquals("0xcf4ab791c62b8d2b2109c90275287816", Hex.encode(Blake2b.hash128(ascii("abc"))));
        assertEquals("0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc"
                + "9518d38aa8dbf1925ab92386edd4009923", Hex.encode(Blake2b.hash512(ascii("abc"))));
        assertEquals("0x612a5a7b4ac57f909bd3b43130676556620e13d2a86b55b028013751af06277d",
                Hex.encode(Blake2b.hash(32, ascii("secret key"), ascii("hello world"))));
    }

    @Test
    void blake2bPartsAreConcatenated() {
        assertArrayEquals(Blake2b.hash256(ascii("hello world")),
                Blake2b.hash(32, null, ascii("hello"), ascii(" world")));
        assertThrows(IllegalArgumentException.class, () -> Blake2b.hash(65, null, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Blake2b.hash(0, null, new byte[0]));
    }

    /** The in-house engine against Bouncy Castle's Blake2bDigest: lengths around block edges, parts, keys. */
    @Test
    void blake2bMatchesBouncyCastle() {
        java.util.Random rnd = new java.util.Random(42);
        for (int len = 0; len <= 520; len++) {
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            int out = 1 + rnd.nextInt(64);
            byte[] key = len % 3 == 0 ? null : new byte[len % 65];
            if (key != null) {
                rnd.nextBytes(key);
            }
            int cut1 = len == 0 ? 0 : rnd.nextInt(len + 1);
            int cut2 = cut1 + (len == cut1 ? 0 : rnd.nextInt(len - cut1 + 1));
            byte[][] parts = {java.util.Arrays.copyOfRange(data, 0, cut1), java.util.Arrays.copyOfRange(data, cut1, cut2),
                java.util.Arrays.copyOfRange(data, cut2, len)};
            byte[] expected = bouncyCastle(out, key, data);
            assertArrayEquals(expected, Blake2b.hash(out, key, parts), "len " + len);
            if (key == null || key.length == 0) {
                assertArrayEquals(expected, Blake2b.hash(out, null, data), "len " + len);
                byte[] padded = new byte[len + 9];
                System.arraycopy(data, 0, padded, 5, len);
                assertArrayEquals(expected, Blake2b.hash(out, padded, 5, len), "len " + len);
            }
            assertArrayEquals(bouncyCastle(32, null, data), Blake2b.hash256(data), "len " + len);
            assertArrayEquals(bouncyCastle(16, null, data), Blake2b.hash128(data), "len " + len);
            assertArrayEquals(bouncyCastle(64, null, data), Blake2b.hash512(data), "len " + len);
        }
    }

    private static byte[] bouncyCastle(int out, byte[] key, byte[] data) {
        org.bouncycastle.crypto.digests.Blake2bDigest d =
                new org.bouncycastle.crypto.digests.Blake2bDigest(key, out, null, null);
        d.update(data, 0, data.length);
        byte[] r = new byte[out];
        d.doFinal(r, 0);
        return r;
    }

    @Test
    void twoxStoragePrefixes() {
        assertEquals("0x26aa394eea5630e07c48ae0c9558cef7", Hex.encode(Twox.hash128(ascii("System"))));
        assertEquals("0xb99d880ec681799c0cf30e8886371da9", Hex.encode(Twox.hash128(ascii("Account"))));
        assertEquals("0xc2261276cc9d1f8598ea4b6a74b15c2f", Hex.encode(Twox.hash128(ascii("Balances"))));
        assertEquals("0x57c875e4cff74148e4628f264b974c80", Hex.encode(Twox.hash128(ascii("TotalIssuance"))));
    }

    @Test
    void twoxOfEmptyInput() {
        assertEquals("0x99e9d85137db46ef", Hex.encode(Twox.hash64(new byte[0])));
        assertEquals(0xef46db3751d8e999L, Twox.xxh64(new byte[0], 0));
    }

    @Test
    void twoxLongInputsUseTheStripeLoop() {
        byte[] fox = ascii("The quick brown fox jumps over the lazy dog, then keeps on running for a while!");
        assertEquals("0x9804b0dff06ad7fc", Hex.encode(Twox.hash64(fox)));
        assertEquals("0x9804b0dff06ad7fc0d84d56fe12f9353", Hex.encode(Twox.hash128(fox)));
        assertEquals("0x9804b0dff06ad7fc0d84d56fe12f935350066154343c3f36e219912e387ae308",
                Hex.encode(Twox.hash256(fox)));
        assertEquals("0xfba3f133a05f235f3fccec774d377ae6772776971893d9b4bfcd52dfd4a70f5b",
                Hex.encode(Twox.hash256(pattern(1000))));
    }

    @Test
    void twoxEveryTailLength() {
        String[][] vectors = {{"1", "0xb64b1fbcd0c8251f"}, {"3", "0xc964e5523f36d231"}, {"4", "0xda9fee667d4bb69b"},
            {"7", "0xd860ce5999147b9a"}, {"8", "0x9200f9c6959db9da"}, {"12", "0x3351af3378402ed5"},
            {"31", "0x19614acc335faaa2"}, {"32", "0x97fd90f77ec1c323"}, {"33", "0x848758bac7cfa750"},
            {"63", "0x3c49c731b4543e5e"}, {"64", "0x1fb0eef63e4bb60e"}, {"65", "0xf112bdb224b783a3"}};
        for (String[] v : vectors) {
            assertEquals(v[1], Hex.encode(Twox.hash64(pattern(Integer.parseInt(v[0])))), "length " + v[0]);
        }
    }
}
