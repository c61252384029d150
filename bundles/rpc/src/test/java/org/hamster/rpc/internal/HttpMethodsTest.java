package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.StorageChange;
import org.hamster.common.Hex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every non-subscription method over real HTTP POST, with the JSON shapes @polkadot/api expects. */
class HttpMethodsTest {
    private static TestServer server;
    private static HttpRpc rpc;
    private static InMemoryChain chain;
    private static Header block1;
    private static Header block2;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        rpc = server.http();
        chain = server.chain;
        chain.submit(Hex.decode("0x0a0b0c"));
        block1 = chain.seal(List.of(new StorageChange.Entry(TestServer.KEY_A, Hex.decode("0xaabb"))));
        block2 = chain.seal();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void systemMethods() {
        assertEquals("hamster-test-node", rpc.result("system_name").asText());
        assertEquals("0.1.0-test", rpc.result("system_version").asText());
        assertEquals("Hamster Test", rpc.result("system_chain").asText());
        assertEquals("Development", rpc.result("system_chainType").asText());
        JsonNode props = rpc.result("system_properties");
        assertEquals(42, props.get("ss58Format").asInt());
        assertEquals(12, props.get("tokenDecimals").asInt());
        assertEquals("HAM", props.get("tokenSymbol").asText());
        assertEquals(HttpRpc.parse("{\"peers\":0,\"isSyncing\":false,\"shouldHavePeers\":false}"),
                rpc.result("system_health"));
    }

    @Test
    void accountNextIndexTakesSs58OrHex() {
        byte[] key = new byte[32];
        key[0] = 7;
        AccountId who = AccountId.of(key);
        chain.setNonce(who, 5);
        assertEquals(5, rpc.result("system_accountNextIndex", who.ss58()).asLong());
        assertEquals(5, rpc.result("system_accountNextIndex", Hex.encode(key)).asLong());
        JsonNode e = rpc.error(JsonRpc.INVALID_PARAMS, "system_accountNextIndex", "5NotAnAddress");
        assertTrue(e.get("data").asText().contains("SS58"), e::toString);
        rpc.error(JsonRpc.INVALID_PARAMS, "system_accountNextIndex", 42);
        rpc.error(JsonRpc.INVALID_PARAMS, "system_accountNextIndex");
    }

    @Test
    void getHeaderShapes() {
        JsonNode best = rpc.result("chain_getHeader");
        assertEquals("0x2", best.get("number").asText());
        assertEquals(block1.hash().hex(), best.get("parentHash").asText());
        assertEquals(block2.stateRoot().hex(), best.get("stateRoot").asText());
        assertEquals(block2.extrinsicsRoot().hex(), best.get("extrinsicsRoot").asText());
        assertEquals(Hex.encode(block2.digest().get(0)), best.get("digest").get("logs").get(0).asText());
        JsonNode genesis = rpc.result("chain_getHeader", chain.blockHash(0).orElseThrow().hex());
        assertEquals("0x0", genesis.get("number").asText());
        assertEquals(0, genesis.get("digest").get("logs").size());
        assertTrue(rpc.result("chain_getHeader", H256.ZERO.hex()).isNull());
        rpc.error(JsonRpc.INVALID_PARAMS, "chain_getHeader", "0x1234");
        rpc.error(JsonRpc.INVALID_PARAMS, "chain_getHeader", "0xzz");
        rpc.error(JsonRpc.INVALID_PARAMS, "chain_getHeader", 12);
        rpc.error(JsonRpc.INVALID_PARAMS, "chain_getHeader", block1.hash().hex(), "extra");
    }

    @Test
    void getBlock() {
        JsonNode b = rpc.result("chain_getBlock", block1.hash().hex());
        assertEquals("0x1", b.get("block").get("header").get("number").asText());
        assertEquals("0x0a0b0c", b.get("block").get("extrinsics").get(0).asText());
        assertTrue(b.has("justifications") && b.get("justifications").isNull());
        assertEquals("0x2", rpc.result("chain_getBlock").get("block").get("header").get("number").asText());
        assertTrue(rpc.result("chain_getBlock", H256.ZERO.hex()).isNull());
    }

    @Test
    void getBlockHashForNumbersHexAndLists() {
        String h0 = chain.blockHash(0).orElseThrow().hex();
        assertEquals(block2.hash().hex(), rpc.result("chain_getBlockHash").asText());
        assertEquals(h0, rpc.result("chain_getBlockHash", 0).asText());
        assertEquals(block1.hash().hex(), rpc.result("chain_getBlockHash", "0x1").asText());
        assertTrue(rpc.result("chain_getBlockHash", 99).isNull());
        JsonNode list = rpc.result("chain_getBlockHash", List.of(0, 2, 99));
        assertEquals(h0, list.get(0).asText());
        assertEquals(block2.hash().hex(), list.get(1).asText());
        assertTrue(list.get(2).isNull());
        assertEquals(h0, rpc.result("chain_getHead", 0).asText());
        rpc.error(JsonRpc.INVALID_PARAMS, "chain_getBlockHash", -1);
        rpc.error(JsonRpc.INVALID_PARAMS, "chain_getBlockHash", 4294967296L);
        rpc.error(JsonRpc.INVALID_PARAMS, "chain_getBlockHash", "seven");
        rpc.error(JsonRpc.INVALID_PARAMS, "chain_getBlockHash", 1.5);
    }

    @Test
    void finalizedHead() {
        assertEquals(block2.hash().hex(), rpc.result("chain_getFinalizedHead").asText());
        assertEquals(block2.hash().hex(), rpc.result("chain_getFinalisedHead").asText());
    }

    @Test
    void getStorageNowAndAtABlock() {
        String key = Hex.encode(TestServer.KEY_A);
        assertEquals("0xaabb", rpc.result("state_getStorage", key).asText());
        assertEquals(Hex.encode(TestServer.VALUE_A), rpc.result("state_getStorage", key,
                chain.blockHash(0).orElseThrow().hex()).asText());
        assertEquals("0xaabb", rpc.result("state_getStorageAt", key, block1.hash().hex()).asText());
        assertTrue(rpc.result("state_getStorage", "0x99").isNull());
        JsonNode unknown = rpc.error(StateMethods.CLIENT_ERROR, "state_getStorage", key, H256.ZERO.hex());
        assertTrue(unknown.get("message").asText().contains("UnknownBlock"), unknown::toString);
        rpc.error(JsonRpc.INVALID_PARAMS, "state_getStorage", "0x123");
        rpc.error(JsonRpc.INVALID_PARAMS, "state_getStorage");
    }

    @Test
    void keysPaged() {
        JsonNode all = rpc.result("state_getKeysPaged", "0x26aa", 10);
        assertEquals(2, all.size());
        assertEquals(Hex.encode(TestServer.KEY_A), all.get(0).asText());
        JsonNode page = rpc.result("state_getKeysPaged", "0x26aa", 10, Hex.encode(TestServer.KEY_A));
        assertEquals(1, page.size());
        assertEquals(Hex.encode(TestServer.KEY_B), page.get(0).asText());
        assertEquals(1, rpc.result("state_getKeysPaged", "0x", 1).size());
        assertEquals(3, rpc.result("state_getKeysPaged", null, 1000).size());
        JsonNode tooMany = rpc.error(StateMethods.INVALID_COUNT, "state_getKeysPaged", "0x", 1001);
        assertEquals("count exceeds maximum value. value: 1001, max: 1000", tooMany.get("message").asText());
        rpc.error(JsonRpc.INVALID_PARAMS, "state_getKeysPaged", "0x", -1);
        rpc.error(JsonRpc.INVALID_PARAMS, "state_getKeysPaged", "0x");
    }

    @Test
    void queryStorageAt() {
        JsonNode r = rpc.result("state_queryStorageAt", List.of(Hex.encode(TestServer.KEY_A), "0x99"),
                chain.blockHash(0).orElseThrow().hex());
        assertEquals(1, r.size());
        assertEquals(chain.blockHash(0).orElseThrow().hex(), r.get(0).get("block").asText());
        JsonNode changes = r.get(0).get("changes");
        assertEquals(Hex.encode(TestServer.KEY_A), changes.get(0).get(0).asText());
        assertEquals(Hex.encode(TestServer.VALUE_A), changes.get(0).get(1).asText());
        assertTrue(changes.get(1).get(1).isNull());
        assertEquals(block2.hash().hex(), rpc.result("state_queryStorageAt", List.of()).get(0).get("block").asText());
        rpc.error(JsonRpc.INVALID_PARAMS, "state_queryStorageAt", "0x00");
    }

    @Test
    void runtimeVersion() {
        JsonNode v = rpc.result("state_getRuntimeVersion");
        assertEquals("hamster", v.get("specName").asText());
        assertEquals("hamster-node", v.get("implName").asText());
        assertEquals(1, v.get("authoringVersion").asInt());
        assertEquals(100, v.get("specVersion").asInt());
        assertEquals(1, v.get("implVersion").asInt());
        assertEquals("[[\"0xdf6acb689907609b\",4]]", v.get("apis").toString());
        assertEquals(1, v.get("transactionVersion").asInt());
        assertEquals(1, v.get("stateVersion").asInt());
        assertEquals(v, rpc.result("chain_getRuntimeVersion", block1.hash().hex()));
        rpc.error(StateMethods.CLIENT_ERROR, "state_getRuntimeVersion", H256.ZERO.hex());
    }

    @Test
    void stateCall() {
        assertEquals("0x010203", rpc.result("state_call", "Core_version", "0x").asText());
        assertEquals("0x010203", rpc.result("state_callAt", "Core_version", "0x", block1.hash().hex()).asText());
        JsonNode e = rpc.error(StateMethods.CLIENT_ERROR, "state_call", "Nope_nothing", "0x");
        assertTrue(e.get("message").asText().contains("Nope_nothing"), e::toString);
        rpc.error(JsonRpc.INVALID_PARAMS, "state_call", "Core_version", "nothex");
        rpc.error(JsonRpc.INVALID_PARAMS, "state_call", 5, "0x");
    }

    @Test
    void metadataIsTheRuntimesUnwrapped() {
        assertTrue(methods().contains("state_getMetadata"), "always listed");
        chain.setMetadata(null);
        JsonNode e = rpc.error(StateMethods.CLIENT_ERROR, "state_getMetadata");
        assertTrue(e.get("message").asText().contains("Metadata_metadata"), e::toString);
        chain.setMetadata(Hex.decode("0x6d6574610e"));
        try {
            assertEquals("0x6d6574610e", rpc.result("state_getMetadata").asText());
            assertEquals("0x6d6574610e", rpc.result("state_getMetadata", block1.hash().hex()).asText());
            rpc.error(StateMethods.CLIENT_ERROR, "state_getMetadata", H256.ZERO.hex());
        } finally {
            chain.setMetadata(null);
        }
    }

    @Test
    void submitAndPending() {
        String xt = "0x01020304";
        String hash = rpc.result("author_submitExtrinsic", xt).asText();
        assertEquals(InMemoryChain.hash(Hex.decode(xt)).hex(), hash);
        List<String> pending = new ArrayList<>();
        rpc.result("author_pendingExtrinsics").forEach(x -> pending.add(x.asText()));
        assertTrue(pending.contains(xt), pending::toString);
        JsonNode again = rpc.error(1013, "author_submitExtrinsic", xt);
        assertEquals("Transaction Already Imported", again.get("message").asText());
        JsonNode bad = rpc.error(TxErrors.INVALID_TRANSACTION, "author_submitExtrinsic", "0xff00");
        assertEquals("Invalid Transaction", bad.get("message").asText());
        assertEquals("Transaction has a bad signature", bad.get("data").asText());
        rpc.error(JsonRpc.INVALID_PARAMS, "author_submitExtrinsic", "0x0");
    }

    @Test
    void paymentQueryInfo() {
        JsonNode info = rpc.result("payment_queryInfo", "0x0102");
        assertEquals(125_000_002L, info.get("weight").get("ref_time").asLong());
        assertEquals(0, info.get("weight").get("proof_size").asLong());
        assertEquals("normal", info.get("class").asText());
        assertEquals("1000002000", info.get("partialFee").asText());
        assertTrue(info.get("partialFee").isTextual());
        JsonNode e = rpc.error(AuthorMethods.PAYMENT_RUNTIME_ERROR, "payment_queryInfo", "0xff");
        assertEquals("Could not decode extrinsic", e.get("data").asText());
    }

    @Test
    void rpcMethodsListsEverything() {
        List<String> names = methods();
        for (String m : List.of("system_name", "system_version", "system_chain", "system_chainType", "system_health",
                "system_properties", "system_accountNextIndex", "chain_getHeader", "chain_getBlock",
                "chain_getBlockHash", "chain_getFinalizedHead", "chain_subscribeNewHeads", "chain_unsubscribeNewHeads",
                "chain_subscribeAllHeads", "chain_unsubscribeAllHeads", "chain_subscribeFinalizedHeads",
                "chain_unsubscribeFinalizedHeads", "state_getStorage", "state_getKeysPaged", "state_queryStorageAt",
                "state_getRuntimeVersion", "state_subscribeRuntimeVersion", "state_unsubscribeRuntimeVersion",
                "state_call", "state_subscribeStorage", "state_unsubscribeStorage", "author_submitExtrinsic",
                "author_submitAndWatchExtrinsic", "author_unwatchExtrinsic", "author_pendingExtrinsics",
                "payment_queryInfo", "rpc_methods")) {
            assertTrue(names.contains(m), m);
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
    }

    @Test
    void namedParams() {
        JsonNode r = HttpRpc.parse(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"state_getStorage\","
                + "\"params\":{\"key\":\"" + Hex.encode(TestServer.KEY_A) + "\"}}").body());
        assertEquals("0xaabb", r.get("result").asText());
        JsonNode bad = HttpRpc.parse(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"state_getStorage\","
                + "\"params\":{\"nope\":1}}").body());
        assertEquals(JsonRpc.INVALID_PARAMS, bad.get("error").get("code").asInt());
    }

    @Test
    void subscriptionsNeedAWebSocket() {
        JsonNode e = rpc.error(JsonRpc.METHOD_NOT_FOUND, "chain_subscribeNewHeads");
        assertTrue(e.get("data").asText().contains("WebSocket"), e::toString);
        rpc.error(JsonRpc.METHOD_NOT_FOUND, "chain_unsubscribeNewHeads", "abc");
    }

    private static List<String> methods() {
        List<String> names = new ArrayList<>();
        rpc.result("rpc_methods").get("methods").forEach(n -> names.add(n.asText()));
        return names;
    }
}
