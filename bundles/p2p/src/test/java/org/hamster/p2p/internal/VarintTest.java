package org.hamster.p2p.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VarintTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesTheMultiformatsExamples() {
        // unsigned-varint spec examples
        assertArrayEquals(HEX.parseHex("00"), Varint.encode(0));
        assertArrayEquals(HEX.parseHex("01"), Varint.encode(1));
        assertArrayEquals(HEX.parseHex("7f"), Varint.encode(127));
        assertArrayEquals(HEX.parseHex("8001"), Varint.encode(128));
        assertArrayEquals(HEX.parseHex("ff01"), Varint.encode(255));
        assertArrayEquals(HEX.parseHex("ac02"), Varint.encode(300));
        assertArrayEquals(HEX.parseHex("808001"), Varint.encode(16384));
        assertArrayEquals(HEX.parseHex("ffffffffffffffff7f"), Varint.encode(Long.MAX_VALUE));
        assertEquals(9, Varint.size(Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Varint.encode(-1));
    }

    @Test
    void roundTripsThroughArraysAndBuffers() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            long v = r.nextLong() >>> (1 + r.nextInt(63));
            byte[] enc = Varint.encode(v);
            assertEquals(v, new ByteReader(enc).readVarint());
            ByteBuf buf = Unpooled.buffer();
            Varint.write(buf, v);
            assertEquals(v, Varint.read(buf));
            assertEquals(0, buf.readableBytes());
        }
    }

    @Test
    void incompleteInputConsumesNothing() {
        ByteBuf buf = Unpooled.wrappedBuffer(HEX.parseHex("8080"));
        assertEquals(-1, Varint.read(buf));
        assertEquals(0, buf.readerIndex());
    }

    @Test
    void rejectsNonMinimalAndOverlongEncodings() {
        assertThrows(WireException.class, () -> Varint.read(Unpooled.wrappedBuffer(HEX.parseHex("8000"))));
        assertThrows(WireException.class, () -> new ByteReader(HEX.parseHex("ff00")).readVarint());
        byte[] ten = HEX.parseHex("ffffffffffffffffff01");
        assertThrows(WireException.class, () -> Varint.read(Unpooled.wrappedBuffer(ten)));
        assertThrows(WireException.class, () -> new ByteReader(ten).readVarint());
        assertThrows(WireException.class, () -> new ByteReader(HEX.parseHex("80")).readVarint());
        assertThrows(WireException.class, () -> new ByteReader(HEX.parseHex("8001")).readVarint(100));
    }
}
