package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.hamster.chain.AccountId;
import org.hamster.chain.Era;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.Extrinsic.SignatureType;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.common.Hex;
import org.hamster.metadata.MetadataV14Reader;
import org.hamster.storage.MemoryKvStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuntimeApisTest {
    private static final byte[] NONE = new byte[0];
    private final DevNet net;

    RuntimeApisTest() throws Exception {
        net = new DevNet(new MemoryKvStore());
    }

    @AfterEach
    void close() {
        net.close();
    }

    private byte[] call(String method, byte[] args) {
        return net.node.call(method, args, null);
    }

    @Test
    void everyAdvertisedApiIsServedAndEveryServedMethodAdvertised() {
        Set<String> served = new RuntimeApis(null).served();
        assertNull(RuntimeApis.mismatch(served, RuntimeModules.APIS));
        assertTrue(served.containsAll(Set.of("Core_version", "Metadata_metadata", "Metadata_metadata_versions",
                "Metadata_metadata_at_version", "AccountNonceApi_account_nonce", "TransactionPaymentApi_query_info",
                "TransactionPaymentApi_query_fee_details", "TransactionPaymentApi_query_weight_to_fee",
                "TransactionPaymentApi_query_length_to_fee")), served.toString());
        assertTrue(RuntimeApis.mismatch(served, new String[] {"Core:4", "Metadata:2", "AccountNonceApi:1",
            "TransactionPaymentApi:4", "BlockBuilder:6"}).contains("BlockBuilder"));
        assertTrue(RuntimeApis.mismatch(served, new String[] {"Core:4", "Metadata:2", "AccountNonceApi:1"})
                .contains("TransactionPaymentApi_"));
        assertEquals(RuntimeModules.APIS.length, net.node.runtimeVersion().apis().size());
    }

    @Test
    void metadataMethods() {
        ScaleReader r = new ScaleReader(call("Metadata_metadata", NONE));
        byte[] md = r.vecBytes();
        r.expectEnd();
        assertArrayEquals(md, MetadataV14Reader.read(md).encode());
        assertArrayEquals(md, net.node.chain().modules().metadata(), "built once, served as is");
        assertEquals("0x040e000000", Hex.encode(call("Metadata_metadata_versions", NONE)));
        byte[] at14 = call("Metadata_metadata_at_version", new ScaleWriter().u32(14).toByteArray());
        assertArrayEquals(new ScaleWriter().u8(1).vecBytes(md).toByteArray(), at14);
        assertEquals("0x00", Hex.encode(call("Metadata_metadata_at_version", new ScaleWriter().u32(15).toByteArray())));
    }

    @Test
    void feesOfAWalletsDummySr25519SignatureAreThoseOfTheRealTransaction() throws Exception {
        byte[] real = net.transfer("Alice", DevNet.id("Bob"), DevNet.UNIT);
        byte[] dummy = Extrinsic.signed(DevNet.id("Alice"), SignatureType.SR25519, filled(64, 1), Era.IMMORTAL, 0,
                BigInteger.ZERO, DevNet.transferCall(DevNet.id("Bob"), DevNet.UNIT));
        assertEquals(real.length, dummy.length);
        BigInteger fee = net.node.queryFee(real).partialFee();
        assertEquals(fee, net.node.queryFee(dummy).partialFee());
        byte[] info = call("TransactionPaymentApi_query_info", new ScaleWriter().bytes(dummy).u32(dummy.length)
                .toByteArray());
        ScaleReader r = new ScaleReader(info);
        assertEquals(Executive.CALL_WEIGHT, r.compactLong());
        assertEquals(0, r.compactLong());
        assertEquals(0, r.u8(), "Normal");
        assertEquals(fee, r.u128());
        r.expectEnd();
        byte[] ecdsa = Extrinsic.signed(DevNet.id("Alice"), SignatureType.ECDSA, filled(65, 1), Era.IMMORTAL, 0,
                BigInteger.ZERO, DevNet.transferCall(DevNet.id("Bob"), DevNet.UNIT));
        assertTrue(net.node.queryFee(ecdsa).partialFee().compareTo(fee) > 0, "one byte longer");
    }

    @Test
    void feeDetailsAddUpToTheFee() throws Exception {
        byte[] xt = net.transfer("Alice", DevNet.id("Bob"), DevNet.UNIT);
        BigInteger fee = net.node.queryFee(xt).partialFee();
        ScaleReader r = new ScaleReader(call("TransactionPaymentApi_query_fee_details",
                new ScaleWriter().bytes(xt).u32(xt.length).toByteArray()));
        assertEquals(1, r.u8(), "Some(inclusion fee)");
        BigInteger base = r.u128();
        BigInteger len = r.u128();
        BigInteger weight = r.u128();
        assertEquals(BigInteger.ZERO, r.u128(), "tip");
        r.expectEnd();
        assertEquals(fee, base.add(len).add(weight));
        BigInteger lengthFee = new ScaleReader(call("TransactionPaymentApi_query_length_to_fee",
                new ScaleWriter().u32(xt.length).toByteArray())).u128();
        assertEquals(len, lengthFee);
        byte[] weightFee = call("TransactionPaymentApi_query_weight_to_fee",
                new ScaleWriter().compact(Executive.CALL_WEIGHT).compact(0).toByteArray());
        assertEquals(weight, new ScaleReader(weightFee).u128());
        assertEquals(16, weightFee.length);
    }

    @Test
    void coreAndNonce() throws Exception {
        assertArrayEquals(RuntimeApis.version(net.node.runtimeVersion()), call("Core_version", NONE));
        net.node.submit(net.transfer("Alice", DevNet.id("Bob"), DevNet.UNIT));
        net.node.sealNow();
        AccountId alice = DevNet.id("Alice");
        assertEquals("0x01000000", Hex.encode(call("AccountNonceApi_account_nonce", alice.publicKey())));
    }

    @Test
    void callsAtAPastBlockSeeThatBlocksState() throws Exception {
        AccountId alice = DevNet.id("Alice");
        org.hamster.chain.H256 before = net.node.sealNow().hash();
        net.node.submit(net.transfer("Alice", DevNet.id("Bob"), DevNet.UNIT));
        org.hamster.chain.H256 after = net.node.sealNow().hash();
        net.node.sealNow();
        assertEquals("0x00000000", Hex.encode(net.node.call("AccountNonceApi_account_nonce", alice.publicKey(), before)));
        assertEquals("0x01000000", Hex.encode(net.node.call("AccountNonceApi_account_nonce", alice.publicKey(), after)));
        assertEquals("0x01000000", Hex.encode(call("AccountNonceApi_account_nonce", alice.publicKey())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.node.call(
                "AccountNonceApi_account_nonce", alice.publicKey(), org.hamster.chain.H256.ZERO));
        assertTrue(e.getMessage().startsWith("unknown block"), e.getMessage());
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() {
        Map<Bytes, Bytes> before = net.snapshot();
        byte[] xt = net.transfer("Alice", DevNet.id("Bob"), DevNet.UNIT);
        String[][] cases = {
            {"Nope_nothing", "0x", "unknown runtime API method Nope_nothing"},
            {"Metadata_metadata", "0x00", "bad Metadata_metadata input"},
            {"Metadata_metadata_at_version", "0x0e00", "bad Metadata_metadata_at_version input"},
            {"AccountNonceApi_account_nonce", "0x0102", "bad AccountNonceApi_account_nonce input"},
            {"TransactionPaymentApi_query_info", Hex.encode(xt), "bad TransactionPaymentApi_query_info input"},
            {"TransactionPaymentApi_query_info", "0x0c01020300000000", "Could not decode"},
            {"TransactionPaymentApi_query_fee_details", "0xffff", "bad TransactionPaymentApi_query_fee_details"},
            {"TransactionPaymentApi_query_weight_to_fee", "0x03", "bad TransactionPaymentApi_query_weight_to_fee"},
            {"TransactionPaymentApi_query_length_to_fee", "0x", "bad TransactionPaymentApi_query_length_to_fee"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> call(c[0], Hex.decode(c[1])), c[0] + " " + c[1]);
            assertTrue(e.getMessage().contains(c[2]), c[0] + ": " + e.getMessage());
        }
        byte[] unsigned = Extrinsic.unsigned(DevNet.transferCall(DevNet.id("Bob"), DevNet.UNIT));
        assertThrows(IllegalArgumentException.class, () -> call("TransactionPaymentApi_query_info",
                new ScaleWriter().bytes(unsigned).u32(unsigned.length).toByteArray()));
        assertEquals(before, net.snapshot());
        assertEquals(0, net.node.bestHeader().number());
    }

    private static byte[] filled(int n, int b) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }
}
