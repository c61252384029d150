package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamster.chain.AccountId;
import org.hamster.chain.Era;
import org.hamster.chain.EventRecord;
import org.hamster.chain.ExtrinsicSigner;
import org.hamster.chain.H256;
import org.hamster.chain.SignedPayload;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.Hasher;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.Twox;
import org.hamster.metadata.MetadataV14;
import org.hamster.metadata.MetadataV14.PalletMetadata;
import org.hamster.metadata.MetadataV14.StorageEntry;
import org.hamster.metadata.MetadataV14Reader;
import org.hamster.metadata.PortableRegistry;
import org.hamster.metadata.PortableType;
import org.hamster.metadata.ScaleValues;
import org.hamster.metadata.TypeDef;
import org.hamster.metadata.Value;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.sudo.SudoCall;
import org.hamster.pallet.system.SystemStorage;
import org.hamster.storage.MemoryKvStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dev runtime's Metadata V14 describes its real bytes: pallets as in the chain spec, the outer enums at the
 * pallet indices, the events of real blocks (decoded and re-encoded byte for byte by the registry-driven codec), a
 * signed extrinsic by its extension types, and every stored value.
 */
class RuntimeMetadataTest {
    private final DevNet net;
    private final byte[] bytes;
    private final MetadataV14 md;
    private final PortableRegistry types;

    RuntimeMetadataTest() throws Exception {
        net = new DevNet(new MemoryKvStore());
        ScaleReader r = new ScaleReader(net.node.call("Metadata_metadata", new byte[0], null));
        bytes = r.vecBytes();
        r.expectEnd();
        md = MetadataV14Reader.read(bytes);
        types = md.types();
    }

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void bytesParseAndPalletsAreThoseOfTheChainSpec() throws Exception {
        assertArrayEquals(new byte[] {'m', 'e', 't', 'a', 14}, Arrays.copyOf(bytes, 5));
        assertArrayEquals(bytes, md.encode(), "the reader reads everything the writer wrote");
        List<String> expected = ChainSpec.load("dev").pallets().stream().map(p -> p.name() + "@" + p.index())
                .toList();
        assertEquals(expected, md.pallets().stream().map(p -> p.name() + "@" + p.index()).toList());
        assertEquals(4, md.extrinsic().version());
        assertEquals("hamster_runtime::Runtime", types.type(md.runtimeType()).pathString());
    }

    @Test
    void outerEnumsHaveOneVariantPerPalletAtItsIndex() {
        TypeDef.Variant call = variant(types.byPath("hamster_runtime::RuntimeCall").orElseThrow());
        TypeDef.Variant event = variant(types.byPath("hamster_runtime::RuntimeEvent").orElseThrow());
        for (PalletMetadata p : md.pallets()) {
            if (p.calls() != null) {
                assertEquals(p.name(), call.byIndex(p.index()).name());
                assertEquals(p.calls(), call.byIndex(p.index()).fields().get(0).type());
            }
            if (p.event() != null) {
                assertEquals(p.name(), event.byIndex(p.index()).name());
                assertEquals(p.event(), event.byIndex(p.index()).fields().get(0).type());
            }
        }
        assertEquals(md.pallets().stream().filter(p -> p.calls() != null).count(), call.variants().size());
        assertEquals(md.pallets().stream().filter(p -> p.event() != null).count(), event.variants().size());
        PortableType xt = types.type(md.extrinsic().type());
        assertEquals(types.byPath("hamster_runtime::RuntimeCall").orElseThrow().id(), xt.params().get(1).type());
        PortableType record = types.byPath("frame_system::EventRecord").orElseThrow();
        assertEquals(types.byPath("hamster_runtime::RuntimeEvent").orElseThrow().id(), record.params().get(0).type());
    }

    @Test
    void constantsPolkadotJsReads() {
        assertEquals(2400, constant("System", "BlockHashCount").asLong());
        assertEquals(42, constant("System", "SS58Prefix").asLong());
        assertEquals(1, constant("Timestamp", "MinimumPeriod").asLong());
        assertEquals(1_000_000_000L, constant("Balances", "ExistentialDeposit").asLong());
        assertTrue(types.byPath("sp_weights::weight_v2::Weight").isPresent(), "Weight V2 by its path");
    }

    @Test
    void eventsOfRealBlocksDecodeAndReencodeByteForByte() throws Exception {
        AccountId bob = DevNet.id("Bob");
        net.node.submit(net.transfer("Alice", bob, DevNet.UNIT));
        submit("Charlie", 0, 5, new ProviderCall.RegisterResource(text("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"),
                2, 4, 20, text("debian"), text("x86_64"), DevNet.UNIT, 24, null, text("eu")));
        // Eve's second transfer fails in dispatch (the first leaves too little): ExtrinsicFailed
        BigInteger most = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(6)).divide(BigInteger.TEN);
        submit("Eve", 0, 2, new BalancesCall.TransferAllowDeath(bob, most));
        submit("Eve", 1, 2, new BalancesCall.TransferAllowDeath(bob, most));
        // Alice's sudo of a failing call succeeds with Sudid(Err(..)): a nested RuntimeCall in the block
        submit("Alice", 1, 4, new SudoCall.Sudo(encode(2, new BalancesCall.ForceTransfer(
                org.hamster.chain.MultiAddress.id(DevNet.id("Ferdie")), org.hamster.chain.MultiAddress.id(bob),
                BigInteger.TEN.pow(20)))));
        net.node.sealNow();
        assertEquals(6, net.bodyOfBest().size(), "timestamp + 5 extrinsics");
        List<Value> block1 = events();
        assertTrue(names(block1).contains("System.ExtrinsicFailed"), names(block1).toString());
        assertTrue(names(block1).contains("Provider.ResourceRegistered"), names(block1).toString());
        assertTrue(names(block1).contains("Sudo.Sudid"), names(block1).toString());
        Value.Variant failed = eventNamed(block1, "System.ExtrinsicFailed");
        Value.Variant error = (Value.Variant) failed.field("dispatch_error");
        assertEquals("Module", error.name(), error.toString());
        Value.Composite module = (Value.Composite) error.fields().get(0).value();
        PalletMetadata balances = md.pallet("Balances").orElseThrow();
        assertEquals(balances.index(), module.field("index").asLong());
        int errorIndex = module.field("error").asBytes()[0];
        assertNotNull(variant(types.type(balances.error())).byIndex(errorIndex), "the error is in the metadata");
        long resource = eventNamed(block1, "Provider.ResourceRegistered").field("resource").asLong();

        submit("Dave", 0, 6, new ResourceOrderCall.CreateOrder(resource, 1, sshKey()));
        net.node.sealNow();
        List<Value> block2 = events();
        assertTrue(names(block2).contains("ResourceOrder.OrderCreated"), names(block2).toString());
        assertTrue(names(block2).stream().noneMatch(n -> n.equals("System.ExtrinsicFailed")), names(block2).toString());
    }

    @Test
    void aSignedExtrinsicDecodesByItsExtensionTypes() throws Exception {
        net.node.sealNow();
        long current = net.node.bestHeader().number();
        Era era = Era.mortal(64, current);
        H256 birth = net.node.blockHash(era.birth(current)).orElseThrow();
        H256 genesis = net.node.info().genesisHash();
        Ed25519.KeyPair alice = DevNet.key("Alice");
        byte[] call = DevNet.transferCall(DevNet.id("Bob"), DevNet.UNIT);
        BigInteger tip = BigInteger.valueOf(5);
        byte[] xt = ExtrinsicSigner.sign(alice, call, 0, tip, era, net.node.runtimeVersion(), genesis, birth);

        PortableType uxt = types.type(md.extrinsic().type());
        ScaleReader r = new ScaleReader(xt);
        int length = r.compactLength();
        assertEquals(length, r.remaining(), "compact length prefix");
        assertEquals(0x84, r.u8(), "signed, version 4");
        Value.Variant address = (Value.Variant) ScaleValues.decode(types, param(uxt, "Address"), r);
        assertEquals("Id", address.name());
        assertArrayEquals(alice.publicKey(), address.fields().get(0).value().asBytes());
        Value.Variant signature = (Value.Variant) ScaleValues.decode(types, param(uxt, "Signature"), r);
        assertEquals("Ed25519", signature.name());
        int extraStart = r.position();
        Value.Seq extra = (Value.Seq) ScaleValues.decode(types, param(uxt, "Extra"), r);
        byte[] extraBytes = r.copyRange(extraStart, r.position() - extraStart);
        int callStart = r.position();
        Value.Variant decodedCall = (Value.Variant) ScaleValues.decode(types, param(uxt, "Call"), r);
        r.expectEnd();
        assertArrayEquals(call, r.copyRange(callStart, r.position() - callStart));
        assertEquals("Balances", decodedCall.name());

        List<String> ids = md.extrinsic().signedExtensions().stream().map(MetadataV14.SignedExtensionMetadata::identifier)
                .toList();
        Value mortality = extra.items().get(ids.indexOf("CheckMortality"));
        Value.Variant eraValue = (Value.Variant) ((Value.Composite) mortality).fields().get(0).value();
        assertEquals(Era.CODEC.encode(era)[0] & 0xff, eraValue.index(), "MortalN: N is the era's first byte");
        assertEquals(0, extra.items().get(ids.indexOf("CheckNonce")).asLong());
        assertEquals(5, extra.items().get(ids.indexOf("ChargeTransactionPayment")).asLong());

        ScaleWriter payload = new ScaleWriter().bytes(call).bytes(extraBytes);
        for (MetadataV14.SignedExtensionMetadata ext : md.extrinsic().signedExtensions()) {
            ScaleValues.encode(types, ext.additionalSigned(), additional(ext.identifier(), genesis, birth), payload);
        }
        byte[] expected = SignedPayload.of(call, era, 0, tip, net.node.runtimeVersion().specVersion(),
                net.node.runtimeVersion().transactionVersion(), genesis, birth);
        assertArrayEquals(expected, payload.toByteArray(), "extra and additional-signed rebuild the signed payload");
        assertTrue(Ed25519.verifyingKey(alice.publicKey()).verify(payload.toByteArray(),
                signature.fields().get(0).value().asBytes()));
    }

    @Test
    void everyStoredValueAndKeyIsDescribed() throws Exception {
        net.node.submit(net.transfer("Alice", DevNet.id("Bob"), DevNet.UNIT));
        submit("Charlie", 0, 5, new ProviderCall.RegisterResource(text("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"),
                2, 4, 20, text("debian"), text("x86_64"), DevNet.UNIT, 24, null, text("eu")));
        net.node.sealNow();
        submit("Dave", 0, 6, new ResourceOrderCall.CreateOrder(0, 1, sshKey()));
        net.node.sealNow();
        List<String> undescribed = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Bytes, Bytes> kv : net.snapshot().entrySet()) {
            byte[] key = kv.getKey().toArray();
            Described d = describe(key);
            if (d == null) {
                undescribed.add(kv.getKey().toString());
                continue;
            }
            byte[] value = kv.getValue().toArray();
            Value v = ScaleValues.decodeAll(types, d.entry().value(), value);
            assertArrayEquals(value, ScaleValues.encode(types, d.entry().value(), v), d.name());
            checkKey(d, key);
            checked++;
        }
        assertTrue(undescribed.isEmpty(), "stored keys no storage entry describes: " + undescribed);
        assertTrue(checked > 20, "checked " + checked);
    }

    /** A stored key's entry: the pallet's storage prefix and the entry. */
    private record Described(String name, StorageEntry entry) {
    }

    private Described describe(byte[] key) {
        if (key.length < 32) {
            return null;
        }
        for (PalletMetadata p : md.pallets()) {
            if (p.storage() == null) {
                continue;
            }
            byte[] pallet = Twox.hash128(p.storage().prefix().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (!Arrays.equals(pallet, Arrays.copyOf(key, 16))) {
                continue;
            }
            for (StorageEntry e : p.storage().entries()) {
                byte[] item = Twox.hash128(e.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (Arrays.equals(item, Arrays.copyOfRange(key, 16, 32))) {
                    return new Described(p.name() + "." + e.name(), e);
                }
            }
        }
        return null;
    }

    /** The part after the prefix is the key parts, each hashed by its hasher; concat and identity parts decode. */
    private void checkKey(Described d, byte[] key) {
        StorageEntry e = d.entry();
        ScaleReader r = new ScaleReader(key, 32, key.length - 32);
        if (e.key() == null) {
            r.expectEnd();
            return;
        }
        List<Integer> parts = e.hashers().size() == 1 ? List.of(e.key())
                : ((TypeDef.Tuple) types.type(e.key()).def()).types();
        for (int i = 0; i < parts.size(); i++) {
            Hasher h = e.hashers().get(i);
            int start = r.position();
            int opaque = switch (h) {
                case BLAKE2_128, TWOX_128 -> 16;
                case BLAKE2_256, TWOX_256 -> 32;
                default -> -1;
            };
            if (opaque > 0) {
                r.bytes(opaque);
                continue;
            }
            r.bytes(h.prefixLength());
            int partStart = r.position();
            ScaleValues.decode(types, parts.get(i), r);
            byte[] part = r.copyRange(partStart, r.position() - partStart);
            assertArrayEquals(h.hash(part), r.copyRange(start, r.position() - start), d.name() + " key part " + i);
        }
        r.expectEnd();
    }

    private Value additional(String extension, H256 genesis, H256 birth) {
        return switch (extension) {
            case "CheckSpecVersion" -> Value.Int.of(net.node.runtimeVersion().specVersion());
            case "CheckTxVersion" -> Value.Int.of(net.node.runtimeVersion().transactionVersion());
            case "CheckGenesis" -> h256(genesis);
            case "CheckMortality" -> h256(birth);
            default -> new Value.Seq(List.of());
        };
    }

    private static Value h256(H256 h) {
        return new Value.Composite(List.of(new Value.Field(null, new Value.Bytes(h.toArray()))));
    }

    private List<Value> events() {
        byte[] raw = net.node.storage(SystemStorage.EVENTS.key(), null).orElseThrow();
        int type = md.pallet("System").orElseThrow().storageEntry("Events").orElseThrow().value();
        Value.Seq list = (Value.Seq) ScaleValues.decodeAll(types, type, raw);
        assertArrayEquals(raw, ScaleValues.encode(types, type, list), "System.Events re-encodes byte for byte");
        List<EventRecord> records = net.node.events(null);
        assertEquals(records.size(), list.items().size());
        for (int i = 0; i < records.size(); i++) {
            Value.Variant outer = (Value.Variant) ((Value.Composite) list.items().get(i)).field("event");
            assertEquals(records.get(i).palletIndex(), outer.index());
            assertEquals(records.get(i).eventIndex(), ((Value.Variant) outer.fields().get(0).value()).index());
        }
        return list.items();
    }

    private static List<String> names(List<Value> records) {
        return records.stream().map(RuntimeMetadataTest::name).collect(Collectors.toList());
    }

    private static String name(Value record) {
        Value.Variant outer = (Value.Variant) ((Value.Composite) record).field("event");
        return outer.name() + "." + ((Value.Variant) outer.fields().get(0).value()).name();
    }

    /** The pallet event (its variant, fields by name) of the first record named {@code name}. */
    private static Value.Variant eventNamed(List<Value> records, String name) {
        for (Value v : records) {
            if (name(v).equals(name)) {
                Value.Variant outer = (Value.Variant) ((Value.Composite) v).field("event");
                return (Value.Variant) outer.fields().get(0).value();
            }
        }
        throw new AssertionError("no event " + name + " in " + names(records));
    }

    private void submit(String who, long nonce, int pallet, Call call) throws Exception {
        net.node.submit(net.sign(DevNet.key(who), encode(pallet, call), nonce));
    }

    private static byte[] encode(int pallet, Call call) {
        ScaleWriter w = new ScaleWriter().u8(pallet).u8(call.callIndex());
        call.encodeArgs(w);
        return w.toByteArray();
    }

    private Value constant(String pallet, String name) {
        MetadataV14.ConstantMetadata c = md.pallet(pallet).orElseThrow().constant(name)
                .orElseThrow(() -> new AssertionError("no constant " + pallet + "." + name));
        return ScaleValues.decodeAll(types, c.type(), c.value());
    }

    private static TypeDef.Variant variant(PortableType t) {
        return (TypeDef.Variant) t.def();
    }

    private static int param(PortableType t, String name) {
        return t.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().type();
    }

    private static Bytes text(String s) {
        return Bytes.wrap(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An OpenSSH ed25519 public key line. */
    private static Bytes sshKey() {
        byte[] type = "ssh-ed25519".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.nio.ByteBuffer blob = java.nio.ByteBuffer.allocate(4 + type.length + 4 + 32);
        blob.putInt(type.length).put(type).putInt(32);
        for (int i = 0; i < 32; i++) {
            blob.put((byte) 7);
        }
        return text("ssh-ed25519 " + java.util.Base64.getEncoder().encodeToString(blob.array()) + " dave@laptop");
    }
}
