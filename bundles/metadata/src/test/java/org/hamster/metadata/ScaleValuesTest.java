package org.hamster.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

class ScaleValuesTest {
    private final MetadataV14 md = MetadataV14Writer.build(SamplePallets.runtime());
    private final PortableRegistry types = md.types();
    private final int runtimeCall = types.byPath("hamster_runtime::RuntimeCall").orElseThrow().id();

    private Value roundTrip(int type, byte[] bytes) {
        Value v = ScaleValues.decodeAll(types, type, bytes);
        assertArrayEquals(bytes, ScaleValues.encode(types, type, v), "re-encoding " + v);
        return v;
    }

    @Test
    void decodesANestedCallThroughTheOuterEnum() {
        byte[] alice = new byte[32];
        alice[0] = 7;
        byte[] transfer = new ScaleWriter().u8(2).u8(0).u8(0).bytes(alice).compact(BigInteger.TEN.pow(12))
                .toByteArray();
        byte[] sudo = new ScaleWriter().u8(4).u8(0).bytes(transfer).toByteArray();
        Value.Variant outer = (Value.Variant) roundTrip(runtimeCall, sudo);
        assertEquals("Sudo", outer.name());
        Value.Variant sudoCall = (Value.Variant) outer.fields().get(0).value();
        assertEquals("sudo", sudoCall.name());
        Value.Variant inner = (Value.Variant) sudoCall.field("call");
        assertEquals(2, inner.index());
        Value.Variant call = (Value.Variant) inner.fields().get(0).value();
        assertEquals("transfer", call.name());
        assertArrayEquals(alice, ((Value.Variant) call.field("dest")).fields().get(0).value().asBytes());
        assertEquals(BigInteger.TEN.pow(12), call.field("value").asBigInteger());
    }

    @Test
    void decodesEventRecordsAndReencodesThemByteForByte() {
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        b.define("RuntimeEvent", RuntimeTypes.runtimeEvent(SamplePallets.runtime().stream()
                .sorted(java.util.Comparator.comparingInt(IndexedPallet::index)).toList()));
        int events = b.id(StdTypes.vec(StdTypes.EVENT_RECORD));
        PortableRegistry r = b.build();
        ScaleWriter w = new ScaleWriter().compact(2);
        // ApplyExtrinsic(1), Sudo.Sudid(Err(Module{index 2, error [3,0,0,0]})), no topics
        w.u8(0).u32(1).u8(4).u8(0).u8(1).u8(3).u8(2).bytes(new byte[] {3, 0, 0, 0}).u8(0);
        // Finalization, Bank.Transfer{from, to, amount}, one topic
        w.u8(1).u8(2).u8(0).bytes(new byte[32]).bytes(new byte[32]).u128(BigInteger.valueOf(5)).u8(4)
                .bytes(new byte[32]);
        byte[] raw = w.toByteArray();
        Value.Seq list = (Value.Seq) ScaleValues.decodeAll(r, events, raw);
        assertArrayEquals(raw, ScaleValues.encode(r, events, list));
        Value.Composite first = (Value.Composite) list.items().get(0);
        assertEquals("ApplyExtrinsic", ((Value.Variant) first.field("phase")).name());
        Value.Variant sudid = (Value.Variant) ((Value.Variant) first.field("event")).fields().get(0).value();
        Value.Variant result = (Value.Variant) sudid.field("sudo_result");
        assertEquals("Err", result.name());
        assertEquals("Module", ((Value.Variant) result.fields().get(0).value()).name());
        Value.Composite second = (Value.Composite) list.items().get(1);
        assertEquals(5, ((Value.Variant) ((Value.Variant) second.field("event")).fields().get(0).value())
                .field("amount").asLong());
    }

    @Test
    void primitivesRoundTrip() {
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        int i16 = b.id(new Ty.Prim(Ty.Kind.I16));
        int i128 = b.id(new Ty.Prim(Ty.Kind.I128));
        int u256 = b.id(new Ty.Prim(Ty.Kind.U256));
        int u64 = b.id(StdTypes.U64);
        int chr = b.id(new Ty.Prim(Ty.Kind.CHAR));
        int str = b.id(StdTypes.STR);
        int bool = b.id(StdTypes.BOOL);
        int tuple = b.id(new Ty.Tuple(List.of(StdTypes.U8, StdTypes.U16)));
        int compact = b.id(StdTypes.COMPACT_U64);
        int result = b.id(StdTypes.DISPATCH_RESULT);
        PortableRegistry r = b.build();
        assertEquals(BigInteger.valueOf(-2), ScaleValues.decodeAll(r, i16, Hex.decode("0xfeff")).asBigInteger());
        assertArrayEquals(Hex.decode("0xfeff"), ScaleValues.encode(r, i16, Value.Int.of(-2)));
        byte[] minus1 = new byte[16];
        java.util.Arrays.fill(minus1, (byte) 0xff);
        assertArrayEquals(minus1, ScaleValues.encode(r, i128, Value.Int.of(-1)));
        byte[] big = new byte[32];
        big[31] = (byte) 0x80;
        assertEquals(BigInteger.ONE.shiftLeft(255), ScaleValues.decodeAll(r, u256, big).asBigInteger());
        assertEquals(new BigInteger("18446744073709551615"),
                ScaleValues.decodeAll(r, u64, Hex.decode("0xffffffffffffffff")).asBigInteger(), "u64 is unsigned");
        assertEquals(new Value.Char('€'), ScaleValues.decodeAll(r, chr, new ScaleWriter().u32('€').toByteArray()));
        assertEquals(new Value.Str("hamster"), ScaleValues.decodeAll(r, str, new ScaleWriter().string("hamster")
                .toByteArray()));
        assertEquals(new Value.Bool(true), ScaleValues.decodeAll(r, bool, new byte[] {1}));
        assertEquals(new Value.Seq(List.of(Value.Int.of(1), Value.Int.of(2))),
                ScaleValues.decodeAll(r, tuple, Hex.decode("0x010200")));
        assertArrayEquals(new ScaleWriter().compact(1L << 40).toByteArray(),
                ScaleValues.encode(r, compact, Value.Int.of(1L << 40)));
        assertEquals("Ok", ((Value.Variant) ScaleValues.decodeAll(r, result, new byte[] {0})).name());
    }

    @Test
    void badInputAndValuesAreRejected() {
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        int u8 = b.id(StdTypes.U8);
        int bool = b.id(StdTypes.BOOL);
        int cls = b.id(StdTypes.DISPATCH_CLASS);
        int arr = b.id(new Ty.Arr(4, StdTypes.U8));
        int compact = b.id(StdTypes.COMPACT_U32);
        PortableRegistry r = b.build();
        assertThrows(ScaleException.class, () -> ScaleValues.decodeAll(r, u8, new byte[] {1, 2}), "trailing");
        assertThrows(ScaleException.class, () -> ScaleValues.decodeAll(r, bool, new byte[] {2}));
        assertThrows(ScaleException.class, () -> ScaleValues.decodeAll(r, cls, new byte[] {3}), "no variant 3");
        assertThrows(ScaleException.class, () -> ScaleValues.decodeAll(r, arr, new byte[] {1, 2, 3}));
        assertThrows(ScaleException.class, () -> ScaleValues.decodeAll(r, compact, Hex.decode("0x0700000000ff")));
        assertThrows(IllegalArgumentException.class, () -> ScaleValues.encode(r, u8, Value.Int.of(256)));
        assertThrows(IllegalArgumentException.class, () -> ScaleValues.encode(r, u8, new Value.Bool(true)));
        assertThrows(IllegalArgumentException.class, () -> ScaleValues.encode(r, arr, new Value.Bytes(new byte[3])));
        assertThrows(IllegalArgumentException.class,
                () -> ScaleValues.encode(r, cls, new Value.Variant("Normal", 1, List.of())), "name and index differ");
        assertThrows(IllegalArgumentException.class, () -> ScaleValues.decode(r, 99, null), "unknown type id");
    }

    @Test
    void deeplyNestedCallsAreMalformedNotAStackOverflow() {
        ScaleWriter w = new ScaleWriter();
        for (int i = 0; i < 1000; i++) {
            w.u8(4).u8(0);
        }
        w.u8(1).u8(0).compact(5);
        assertThrows(ScaleException.class, () -> ScaleValues.decodeAll(types, runtimeCall, w.toByteArray()));
    }
}
