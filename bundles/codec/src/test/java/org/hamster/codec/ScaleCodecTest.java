package org.hamster.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScaleCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String compactHex(long v) {
        return HEX.formatHex(new ScaleWriter().compact(v).toByteArray());
    }

    @Test
    void compactMatchesParityVectors() {
        assertEquals("00", compactHex(0));
        assertEquals("04", compactHex(1));
        assertEquals("fc", compactHex(63));
        assertEquals("0101", compactHex(64));
        assertEquals("fdff", compactHex(16383));
        assertEquals("02000100", compactHex(16384));
        assertEquals("feffffff", compactHex(1073741823));
        assertEquals("0300000040", compactHex(1073741824));
        assertEquals("13ffffffffffffffff", HEX.formatHex(new ScaleWriter()
                .compact(new BigInteger("18446744073709551615")).toByteArray()));
    }

    @Test
    void compactRoundTripsAcrossAllModes() {
        Random rnd = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            BigInteger v = new BigInteger(rnd.nextInt(128) + 1, rnd);
            byte[] enc = new ScaleWriter().compact(v).toByteArray();
            ScaleReader r = new ScaleReader(enc);
            assertEquals(v, r.compactBig());
            r.expectEnd();
        }
    }

    @Test
    void nonCanonicalCompactIsRejected() {
        assertThrows(ScaleException.class, () -> new ScaleReader(HEX.parseHex("0100")).compactBig());
        assertThrows(ScaleException.class, () -> new ScaleReader(HEX.parseHex("02000000")).compactBig());
        assertThrows(ScaleException.class, () -> new ScaleReader(HEX.parseHex("03ffffff00")).compactBig());
        assertThrows(ScaleException.class, () -> new ScaleReader(HEX.parseHex("07ffffffff00")).compactBig());
    }

    @Test
    void primitivesRoundTrip() {
        BigInteger big = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        byte[] enc = new ScaleWriter().u8(255).u16(65535).u32(0xffffffffL).u64(-1L).u128(big).bool(true)
                .string("héllo").vecBytes(new byte[] {1, 2, 3}).option(null, ScaleWriter::string)
                .option("x", ScaleWriter::string).toByteArray();
        ScaleReader r = new ScaleReader(enc);
        assertEquals(255, r.u8());
        assertEquals(65535, r.u16());
        assertEquals(0xffffffffL, r.u32());
        assertEquals(-1L, r.u64());
        assertEquals(big, r.u128());
        assertEquals(true, r.bool());
        assertEquals("héllo", r.string());
        assertArrayEquals(new byte[] {1, 2, 3}, r.vecBytes());
        assertEquals(null, r.option(ScaleReader::string));
        assertEquals("x", r.option(ScaleReader::string));
        r.expectEnd();
    }

    @Test
    void u128EncodingIsLittleEndian() {
        assertEquals("01000000000000000000000000000000",
                HEX.formatHex(new ScaleWriter().u128(BigInteger.ONE).toByteArray()));
        assertThrows(IllegalArgumentException.class, () -> new ScaleWriter().u128(BigInteger.ONE.shiftLeft(128)));
        assertThrows(IllegalArgumentException.class, () -> new ScaleWriter().u128(BigInteger.valueOf(-1)));
    }

    /** Values around the 63/64-bit fast path and the u128 limit: little-endian bytes and back, at an offset. */
    @Test
    void u128RoundTripsAroundTheLongBoundary() {
        java.util.List<BigInteger> values = new java.util.ArrayList<>();
        for (int bits : new int[] {0, 1, 8, 62, 63, 64, 65, 100, 127, 128}) {
            BigInteger p = BigInteger.ONE.shiftLeft(bits);
            values.add(p.subtract(BigInteger.ONE));
            if (bits < 128) {
                values.add(p);
                values.add(p.add(BigInteger.ONE));
            }
        }
        for (BigInteger v : values) {
            byte[] enc = new ScaleWriter(1).u8(7).u128(v).toByteArray();
            assertEquals(17, enc.length);
            byte[] expected = new byte[16];
            byte[] be = v.toByteArray();
            for (int i = 0; i < 16 && i < be.length; i++) {
                expected[i] = be[be.length - 1 - i];
            }
            assertEquals(HEX.formatHex(expected), HEX.formatHex(java.util.Arrays.copyOfRange(enc, 1, 17)), v.toString());
            ScaleReader r = new ScaleReader(enc);
            r.u8();
            assertEquals(v, r.u128());
            r.expectEnd();
        }
        assertThrows(ScaleException.class, () -> new ScaleReader(new byte[15]).u128());
    }

    @Test
    void malformedInputGivesScaleExceptionNeverAnotherError() {
        assertThrows(ScaleException.class, () -> new ScaleReader(new byte[] {2}).bool());
        assertThrows(ScaleException.class, () -> new ScaleReader(new byte[] {5}).optionTag());
        assertThrows(ScaleException.class, () -> new ScaleReader(HEX.parseHex("08c3")).string());
        assertThrows(ScaleException.class, () -> new ScaleReader(HEX.parseHex("feffffff")).vecBytes());
        assertThrows(ScaleException.class, () -> new ScaleReader(new byte[] {1, 2}).u32());
        assertThrows(ScaleException.class, () -> Codecs.U8.decodeAll(new byte[] {1, 2}));
    }

    /** Fuzz: random bytes through every decoder either decode or fail with ScaleException, nothing else. */
    @Test
    void fuzzDecodersOnlyEverThrowScaleException() {
        Random rnd = new Random(7);
        List<Codec<?>> codecs = List.of(Codecs.U8, Codecs.U32, Codecs.U64, Codecs.U128, Codecs.COMPACT, Codecs.BOOL,
                Codecs.BYTES, Codecs.STRING, Codecs.vec(Codecs.STRING), Codecs.option(Codecs.vec(Codecs.U128)),
                Codecs.vec(Codecs.vec(Codecs.BYTES)));
        for (int i = 0; i < 50_000; i++) {
            byte[] in = new byte[rnd.nextInt(40)];
            rnd.nextBytes(in);
            for (Codec<?> c : codecs) {
                try {
                    c.decodeAll(in);
                } catch (ScaleException expected) {
                    // malformed input is reported, never crashes
                }
            }
        }
    }
}
