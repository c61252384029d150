package org.hamster.p2p.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.hamster.p2p.internal.proto.ProtoReader;
import org.hamster.p2p.internal.proto.ProtoWriter;
import org.junit.jupiter.api.Test;

class ProtoTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void writesCanonicalKeyEncoding() {
        byte[] key = new byte[32];
        assertEquals("08011220" + "00".repeat(32), HEX.formatHex(KeyProtobuf.encode(KeyProtobuf.ED25519, key)));
    }

    @Test
    void readsKnownFieldsAndSkipsUnknownOnes() {
        byte[] msg = new ProtoWriter().varint(1, 300).bytes(7, new byte[] {1, 2}).string(2, "hé").toByteArray();
        byte[] withFixed = concat(msg, HEX.parseHex("2d01020304" + "3101020304050607 08".replace(" ", "")));
        ProtoReader r = new ProtoReader(withFixed);
        assertTrue(r.next());
        assertEquals(300, r.varint());
        assertTrue(r.next());
        assertEquals(7, r.field());
        r.skip();
        assertTrue(r.next());
        assertEquals("hé", r.string(10));
        assertTrue(r.next());
        r.skip(); // fixed32
        assertTrue(r.next());
        r.skip(); // fixed64
        assertFalse(r.next());
    }

    @Test
    void rejectsMalformedMessages() {
        assertThrows(WireException.class, () -> drain(HEX.parseHex("0a05010203"))); // truncated bytes
        assertThrows(WireException.class, () -> drain(HEX.parseHex("0b"))); // group start
        assertThrows(WireException.class, () -> drain(HEX.parseHex("00"))); // field 0
        ProtoReader notUtf8 = new ProtoReader(HEX.parseHex("0a02fffe"));
        assertTrue(notUtf8.next());
        assertThrows(WireException.class, () -> notUtf8.string(10));
        assertThrows(WireException.class, () -> KeyProtobuf.decode(HEX.parseHex("0801"))); // no data
        assertThrows(WireException.class, () -> KeyProtobuf.decode(HEX.parseHex("080912020102"))); // type 9
        assertThrows(WireException.class, () -> KeyProtobuf.decode(HEX.parseHex("0801120201021801"))); // extra field
        KeyProtobuf.Key k = KeyProtobuf.decode(HEX.parseHex("0801120201fe"));
        assertEquals(KeyProtobuf.ED25519, k.type());
        assertArrayEquals(new byte[] {1, (byte) 0xfe}, k.data());
    }

    private static void drain(byte[] msg) {
        ProtoReader r = new ProtoReader(msg);
        while (r.next()) {
            r.skip();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
