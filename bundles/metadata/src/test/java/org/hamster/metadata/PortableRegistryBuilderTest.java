package org.hamster.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Hex;
import org.hamster.metadata.internal.TypeCodec;
import org.junit.jupiter.api.Test;

class PortableRegistryBuilderTest {
    private static String encoded(PortableRegistry r) {
        return Hex.encode(new ScaleWriter().vec(r.types(), TypeCodec::encode).toByteArray());
    }

    @Test
    void aRegistryOfOnlyU8IsTheGoldenBytes() {
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        assertEquals(0, b.id(StdTypes.U8));
        // count 1; id 0, empty path, no params, Primitive u8, no docs
        assertEquals("0x04000000050300", encoded(b.build()));
    }

    @Test
    void compositeAndSequenceGoldenBytes() {
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        b.id(StdTypes.ACCOUNT_ID);
        // 0: AccountId32 {[u8;32]}, 1: [u8; 32], 2: u8
        assertEquals("0x0c"
                + "00" + "0c" + "1c73705f636f7265" + "1863727970746f" + "2c4163636f756e7449643332" + "00"
                + "00" + "04" + "00" + "04" + "01205b75383b2033325d" + "00" + "00"
                + "04" + "00" + "00" + "03" + "20000000" + "08" + "00"
                + "08" + "00" + "00" + "05" + "03" + "00", encoded(b.build()));
    }

    @Test
    void idsFollowFirstEncounterAndEqualDescriptionsShareOne() {
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        int account = b.id(StdTypes.ACCOUNT_ID);
        int arr = b.id(new Ty.Arr(32, StdTypes.U8));
        int u8 = b.id(new Ty.Prim(Ty.Kind.U8));
        assertEquals(List.of(0, 1, 2), List.of(account, arr, u8), "a type's id comes before its fields' ids");
        int again = b.id(Ty.struct("sp_core::crypto::AccountId32",
                Ty.field(new Ty.Arr(32, StdTypes.U8), "[u8; 32]")));
        assertEquals(account, again);
        int option = b.id(StdTypes.option(StdTypes.ACCOUNT_ID));
        assertEquals(option, b.id(StdTypes.option(StdTypes.ACCOUNT_ID)));
        assertNotEquals(option, b.id(StdTypes.option(StdTypes.U8)), "Option<u8> is another Option");
        PortableRegistry r = b.build();
        assertEquals(1, r.types().stream().filter(t -> t.pathString().equals("sp_core::crypto::AccountId32"))
                .count());
        PortableType opt = r.type(option);
        assertEquals(List.of(new PortableType.Param("T", account)), opt.params());
    }

    @Test
    void refsCloseCyclesWhetherDefinedBeforeOrAfterUse() {
        Ty call = new Ty.Variant(Ty.path("pallet_sudo::pallet::Call"), List.of(new Ty.Param("T", null)),
                List.of(new Ty.Case("sudo", List.of(Ty.field("call", StdTypes.RUNTIME_CALL, "Box<RuntimeCall>")),
                        0, List.of())), List.of());
        Ty outer = new Ty.Variant(Ty.path("hamster_runtime::RuntimeCall"), List.of(),
                List.of(new Ty.Case("Sudo", List.of(Ty.field(call, null)), 4, List.of())), List.of());

        PortableRegistryBuilder before = new PortableRegistryBuilder().define("RuntimeCall", outer);
        int sudoCall = before.id(call);
        PortableRegistry r1 = before.build();
        assertCycle(r1, sudoCall, before.id(StdTypes.RUNTIME_CALL));

        PortableRegistryBuilder after = new PortableRegistryBuilder();
        int sudoCall2 = after.id(call);
        int reserved = after.id(StdTypes.RUNTIME_CALL);
        after.define("RuntimeCall", outer);
        assertEquals(reserved, after.id(outer), "the definition fills the reserved id");
        assertCycle(after.build(), sudoCall2, reserved);
    }

    private static void assertCycle(PortableRegistry r, int sudoCall, int runtimeCall) {
        TypeDef.Variant outer = (TypeDef.Variant) r.type(runtimeCall).def();
        assertEquals(sudoCall, outer.byIndex(4).fields().get(0).type());
        TypeDef.Variant inner = (TypeDef.Variant) r.type(sudoCall).def();
        assertEquals(runtimeCall, inner.byName("sudo").fields().get(0).type());
    }

    @Test
    void anUndefinedRefIsAClearError() {
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        b.id(StdTypes.option(StdTypes.RUNTIME_EVENT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("RuntimeEvent"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.define("RuntimeEvent", StdTypes.RUNTIME_CALL));
        b.define("RuntimeEvent", Ty.unitEnum("hamster_runtime::RuntimeEvent"));
        assertThrows(IllegalArgumentException.class,
                () -> b.define("RuntimeEvent", Ty.unitEnum("hamster_runtime::RuntimeEvent")));
        assertEquals(2, b.build().size(), "Option<RuntimeEvent> and RuntimeEvent");
    }

    @Test
    void twoDifferentTypesAtOnePathAreRejected() {
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        b.id(Ty.struct("pallet_x::types::Thing", Ty.field("a", StdTypes.U8, "u8")));
        b.id(Ty.struct("pallet_x::types::Thing", Ty.field("a", StdTypes.U16, "u16")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("pallet_x::types::Thing"), e.getMessage());
    }

    @Test
    void malformedDescriptionsAreRejected() {
        PortableRegistryBuilder b = new PortableRegistryBuilder();
        assertThrows(IllegalArgumentException.class, () -> b.id(Ty.struct("")), "a struct needs a path");
        assertThrows(IllegalArgumentException.class, () -> b.id(Ty.struct("a::B", Ty.field("x", StdTypes.U8, null),
                Ty.field(StdTypes.U8, null))), "mixed named and unnamed fields");
        assertThrows(IllegalArgumentException.class, () -> b.id(Ty.struct("a::C", Ty.field("x", StdTypes.U8, null),
                Ty.field("x", StdTypes.U16, null))), "a field name twice");
        assertThrows(IllegalArgumentException.class, () -> b.id(new Ty.Variant(Ty.path("a::D"), List.of(),
                List.of(new Ty.Case("A", List.of(), 0, List.of()), new Ty.Case("A", List.of(), 1, List.of())),
                List.of())), "a variant name twice");
        assertThrows(IllegalArgumentException.class, () -> b.id(new Ty.Compact(StdTypes.ACCOUNT_ID)));
    }
}
