package org.hamster.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.codec.ScaleException;
import org.hamster.metadata.MetadataV14.PalletMetadata;
import org.hamster.metadata.MetadataV14.StorageEntry;
import org.junit.jupiter.api.Test;

class MetadataV14WriterTest {
    private final byte[] bytes = MetadataV14Writer.write(SamplePallets.runtime());
    private final MetadataV14 md = MetadataV14Reader.read(bytes);

    @Test
    void startsWithMagicAndVersion14() {
        assertArrayEquals(new byte[] {0x6d, 0x65, 0x74, 0x61, 0x0e}, Arrays.copyOf(bytes, 5));
    }

    @Test
    void readingAndWritingAgainGivesTheSameBytes() {
        assertArrayEquals(bytes, md.encode());
        assertArrayEquals(bytes, MetadataV14Writer.write(SamplePallets.runtime()), "deterministic");
    }

    @Test
    void palletsAreInIndexOrderWithTheirParts() {
        assertEquals(List.of("Timestamp", "Bank", "Sudo"), md.pallets().stream().map(PalletMetadata::name).toList());
        assertEquals(List.of(1, 2, 4), md.pallets().stream().map(PalletMetadata::index).toList());
        PalletMetadata bank = md.pallet("Bank").orElseThrow();
        assertEquals("Bank", bank.storage().prefix());
        assertEquals(List.of("TotalIssuance", "Holds", "Expiries"),
                bank.storage().entries().stream().map(StorageEntry::name).toList());
        StorageEntry holds = bank.storageEntry("Holds").orElseThrow();
        assertEquals(Modifier.OPTIONAL, holds.modifier());
        assertEquals(List.of(Hasher.BLAKE2_128_CONCAT), holds.hashers());
        assertArrayEquals(new byte[] {0}, holds.defaultValue(), "an OPTIONAL default is None");
        assertEquals("sp_core::crypto::AccountId32", md.types().type(holds.key()).pathString());
        StorageEntry expiries = bank.storageEntry("Expiries").orElseThrow();
        assertEquals(List.of(Hasher.IDENTITY, Hasher.IDENTITY), expiries.hashers());
        assertTrue(md.types().type(expiries.key()).def() instanceof TypeDef.Tuple);
        StorageEntry total = bank.storageEntry("TotalIssuance").orElseThrow();
        assertNull(total.key());
        assertEquals(List.of("Total issuance."), total.docs());
        assertEquals("pallet_bank::pallet::Call", md.types().type(bank.calls()).pathString());
        assertEquals("pallet_bank::pallet::Event", md.types().type(bank.event()).pathString());
        TypeDef.Variant errors = (TypeDef.Variant) md.types().type(bank.error()).def();
        assertEquals("Dead", errors.byIndex(3).name());
        assertEquals(List.of(new PortableType.Param("T", null)), md.types().type(bank.error()).params());
        assertEquals(1_000_000_000L, ScaleValues.decodeAll(md.types(), bank.constant("ExistentialDeposit")
                .orElseThrow().type(), bank.constant("ExistentialDeposit").orElseThrow().value()).asLong());
        PalletMetadata ts = md.pallet("Timestamp").orElseThrow();
        assertNull(ts.storage());
        assertNull(ts.event());
        assertNull(ts.error());
    }

    @Test
    void outerEnumsHaveOneVariantPerPalletAtItsIndex() {
        TypeDef.Variant call = variant("hamster_runtime::RuntimeCall");
        assertEquals(List.of("Timestamp:1", "Bank:2", "Sudo:4"), names(call));
        TypeDef.Variant event = variant("hamster_runtime::RuntimeEvent");
        assertEquals(List.of("Bank:2", "Sudo:4"), names(event), "Timestamp has no events");
        PalletMetadata sudo = md.pallet("Sudo").orElseThrow();
        assertEquals(sudo.calls(), call.byIndex(4).fields().get(0).type());
        int runtimeCall = md.types().byPath("hamster_runtime::RuntimeCall").orElseThrow().id();
        TypeDef.Variant sudoCall = (TypeDef.Variant) md.types().type(sudo.calls()).def();
        assertEquals(runtimeCall, sudoCall.byName("sudo").fields().get(0).type(), "sudo holds any call");
    }

    @Test
    void extrinsicAndRuntimeTypesAreThoseOfPolkadotSdk() {
        assertEquals(4, md.extrinsic().version());
        PortableType xt = md.types().type(md.extrinsic().type());
        assertEquals("sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic", xt.pathString());
        assertEquals(List.of("Address", "Call", "Signature", "Extra"),
                xt.params().stream().map(PortableType.Param::name).toList());
        assertEquals("sp_runtime::multiaddress::MultiAddress", md.types().type(xt.params().get(0).type()).pathString());
        assertEquals("hamster_runtime::RuntimeCall", md.types().type(xt.params().get(1).type()).pathString());
        assertEquals("sp_runtime::MultiSignature", md.types().type(xt.params().get(2).type()).pathString());
        TypeDef.Tuple extra = (TypeDef.Tuple) md.types().type(xt.params().get(3).type()).def();
        List<Integer> extTypes = md.extrinsic().signedExtensions().stream()
                .map(MetadataV14.SignedExtensionMetadata::type).toList();
        assertEquals(extTypes, extra.types());
        assertEquals(List.of("CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis",
                "CheckMortality", "CheckNonce", "CheckWeight", "ChargeTransactionPayment"),
                md.extrinsic().signedExtensions().stream().map(MetadataV14.SignedExtensionMetadata::identifier)
                        .toList());
        assertEquals("hamster_runtime::Runtime", md.types().type(md.runtimeType()).pathString());
        TypeDef.Variant era = variant("sp_runtime::generic::era::Era");
        assertEquals(256, era.variants().size());
        assertEquals("Mortal255", era.byIndex(255).name());
        assertTrue(md.types().byPath("sp_weights::weight_v2::Weight").isPresent());
        assertTrue(md.types().byPath("frame_system::EventRecord").isEmpty(), "only what is used is registered");
    }

    @Test
    void constantsAndDefaultsMustDecodeAsTheirTypes() {
        PalletMeta bad = PalletMeta.builder("Bad").constant("Max", StdTypes.U32, new byte[] {1, 2}, null).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetadataV14Writer.write(List.of(new IndexedPallet(0, "Bad", bad))));
        assertTrue(e.getMessage().contains("constant Bad.Max"), e.getMessage());
        PalletMeta badDefault = PalletMeta.builder("Bad").value(SamplePallets.TOTAL, Modifier.DEFAULT,
                StdTypes.U128, new byte[15], null).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> MetadataV14Writer.write(List.of(new IndexedPallet(0, "Bad", badDefault))));
        assertTrue(e.getMessage().contains("TotalIssuance"), e.getMessage());
        PalletMeta badOptional = PalletMeta.builder("Bad").value(SamplePallets.TOTAL, Modifier.OPTIONAL,
                StdTypes.U128, new byte[16], null).build();
        assertThrows(IllegalArgumentException.class,
                () -> MetadataV14Writer.write(List.of(new IndexedPallet(0, "Bad", badOptional))));
    }

    @Test
    void palletsMustBeDistinct() {
        PalletMeta empty = PalletMeta.builder("A").build();
        assertThrows(IllegalArgumentException.class, () -> MetadataV14Writer.write(List.of(
                new IndexedPallet(0, "A", empty), new IndexedPallet(0, "B", empty))));
        assertThrows(IllegalArgumentException.class, () -> MetadataV14Writer.write(List.of(
                new IndexedPallet(0, "A", empty), new IndexedPallet(1, "A", empty))));
        assertThrows(NullPointerException.class, () -> new IndexedPallet(0, "A", null));
    }

    @Test
    void malformedBytesAreRejected() {
        assertThrows(ScaleException.class, () -> MetadataV14Reader.read(new byte[] {1, 2, 3, 4, 14}));
        byte[] v15 = bytes.clone();
        v15[4] = 15;
        assertThrows(ScaleException.class, () -> MetadataV14Reader.read(v15));
        assertThrows(ScaleException.class, () -> MetadataV14Reader.read(Arrays.copyOf(bytes, bytes.length - 1)));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(ScaleException.class, () -> MetadataV14Reader.read(longer));
    }

    private TypeDef.Variant variant(String path) {
        return (TypeDef.Variant) md.types().byPath(path).orElseThrow().def();
    }

    private static List<String> names(TypeDef.Variant v) {
        List<String> out = new ArrayList<>();
        v.variants().forEach(x -> out.add(x.name() + ":" + x.index()));
        return out;
    }
}
