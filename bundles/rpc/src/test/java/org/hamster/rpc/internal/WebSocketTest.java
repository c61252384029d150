package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.Header;
import org.hamster.chain.StorageChange;
import org.hamster.common.Hex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls, batches and every subscription over a real WebSocket. */
class WebSocketTest {
    private static final Duration QUIET = Duration.ofMillis(300);
    private static TestServer server;
    private static InMemoryChain chain;
    private WsClient ws;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        chain = server.chain;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void connect() {
        ws = server.ws();
    }

    /** Closing the connection must end every subscription it still had. */
    @AfterEach
    void disconnect() throws InterruptedException {
        ws.close();
        awaitListeners(0);
    }

    private static void awaitListeners(int expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (chain.listenerCount() != expected && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(expected, chain.listenerCount());
    }

    @Test
    void callsAndBatches() {
        assertEquals("Hamster Test", ws.result("system_chain").asText());
        ws.send("[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"system_name\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"chain_getFinalizedHead\"}]");
        JsonNode batch = ws.nextResponse();
        assertEquals(2, batch.size());
        assertEquals("hamster-test-node", batch.get(0).get("result").asText());
        assertEquals(chain.finalizedHash().hex(), batch.get(1).get("result").asText());
    }

    @Test
    void newHeadsStartWithTheBestHeaderAndStopOnUnsubscribe() {
        String id = ws.result("chain_subscribeNewHeads").asText();
        assertEquals(16, id.length());
        assertEquals(ChainJson.header(chain.bestHeader()), ws.notification("chain_newHead", id));
        Header next = chain.seal();
        JsonNode h = ws.notification("chain_newHead", id);
        assertEquals("0x" + Long.toHexString(next.number()), h.get("number").asText());
        assertEquals(next.parentHash().hex(), h.get("parentHash").asText());
        assertTrue(ws.result("chain_unsubscribeNewHeads", id).asBoolean());
        chain.seal();
        ws.assertNoNotification(QUIET);
        assertFalse(ws.result("chain_unsubscribeNewHeads", id).asBoolean());
    }

    @Test
    void allAndFinalizedHeadsAndAliases() {
        String all = ws.result("chain_subscribeAllHeads").asText();
        ws.notification("chain_allHead", all);
        String fin = ws.result("chain_subscribeFinalizedHeads").asText();
        ws.notification("chain_finalizedHead", fin);
        String old = ws.result("chain_subscribeNewHead").asText();
        ws.notification("chain_newHead", old);
        assertFalse(ws.result("chain_unsubscribeFinalizedHeads", all).asBoolean(), "another kind's id");
        Header next = chain.seal();
        String number = "0x" + Long.toHexString(next.number());
        int seen = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode n = ws.notification();
            assertEquals(number, n.get("params").get("result").get("number").asText());
            seen++;
        }
        assertEquals(3, seen);
        assertTrue(ws.result("chain_unsubscribeAllHeads", all).asBoolean());
        assertTrue(ws.result("chain_unsubscribeFinalisedHeads", fin).asBoolean());
        assertTrue(ws.result("chain_unsubscribeNewHead", old).asBoolean());
    }

    @Test
    void runtimeVersionReportsChangesOnly() {
        String id = ws.result("state_subscribeRuntimeVersion").asText();
        assertEquals(100, ws.notification("state_runtimeVersion", id).get("specVersion").asInt());
        chain.seal();
        ws.assertNoNotification(QUIET);
        chain.setVersion(InMemoryChain.version(101));
        try {
            chain.seal();
            assertEquals(101, ws.notification("state_runtimeVersion", id).get("specVersion").asInt());
        } finally {
            chain.setVersion(InMemoryChain.VERSION_1);
        }
        assertTrue(ws.result("state_unsubscribeRuntimeVersion", id).asBoolean());
    }

    @Test
    void storageStartsWithCurrentValuesThenFollowsChanges() {
        String key = Hex.encode(TestServer.KEY_B);
        String id = ws.result("state_subscribeStorage", List.of(key, "0x99")).asText();
        JsonNode first = ws.notification("state_storage", id);
        assertEquals(chain.bestHeader().hash().hex(), first.get("block").asText());
        assertEquals(key, first.get("changes").get(0).get(0).asText());
        assertEquals(Hex.encode(chain.storage(TestServer.KEY_B, null).orElseThrow()),
                first.get("changes").get(0).get(1).asText());
        assertTrue(first.get("changes").get(1).get(1).isNull());
        Header b = chain.seal(List.of(new StorageChange.Entry(TestServer.KEY_B, Hex.decode("0x0809"))));
        JsonNode change = ws.notification("state_storage", id);
        assertEquals(b.hash().hex(), change.get("block").asText());
        assertEquals("[[\"" + key + "\",\"0x0809\"]]", change.get("changes").toString());
        chain.seal(List.of(new StorageChange.Entry(TestServer.KEY_OTHER, Hex.decode("0x01"))));
        ws.assertNoNotification(QUIET);
        assertTrue(ws.result("state_unsubscribeStorage", id).asBoolean());
        chain.seal(List.of(new StorageChange.Entry(TestServer.KEY_B, Hex.decode("0x0a"))));
        ws.assertNoNotification(QUIET);
        assertEquals(JsonRpc.INVALID_PARAMS, errorCode(ws.call("state_subscribeStorage", List.of())));
        assertEquals(JsonRpc.INVALID_PARAMS, errorCode(ws.call("state_subscribeStorage", List.of("0xz"))));
    }

    @Test
    void submitAndWatchReportsReadyInBlockFinalized() {
        String xt = "0x5151";
        String id = ws.result("author_submitAndWatchExtrinsic", xt).asText();
        assertEquals("ready", ws.notification("author_extrinsicUpdate", id).asText());
        Header b = chain.seal();
        assertEquals(b.hash().hex(), ws.notification("author_extrinsicUpdate", id).get("inBlock").asText());
        assertEquals(b.hash().hex(), ws.notification("author_extrinsicUpdate", id).get("finalized").asText());
        assertFalse(ws.result("author_unwatchExtrinsic", id).asBoolean(), "finished watches are gone");
    }

    @Test
    void watchingAnInvalidTransactionFailsLikeSubmitting() {
        JsonNode e = ws.call("author_submitAndWatchExtrinsic", "0xff01").get("error");
        assertEquals(1010, e.get("code").asInt());
        assertEquals("Invalid Transaction", e.get("message").asText());
        assertEquals("Transaction has a bad signature", e.get("data").asText());
        ws.assertNoNotification(QUIET);
    }

    @Test
    void unwatchStopsUpdates() {
        String id = ws.result("author_submitAndWatchExtrinsic", "0x6161").asText();
        assertEquals("ready", ws.notification("author_extrinsicUpdate", id).asText());
        assertTrue(ws.result("author_unwatchExtrinsic", id).asBoolean());
        chain.seal();
        ws.assertNoNotification(QUIET);
    }

    @Test
    void subscribeInABatchAnswersBeforeNotifying() {
        ws.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_subscribeNewHeads\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"system_chain\"}]");
        JsonNode batch = ws.nextResponse();
        String id = batch.get(0).get("result").asText();
        assertEquals("Hamster Test", batch.get(1).get("result").asText());
        ws.notification("chain_newHead", id);
    }

    @Test
    void badInputKeepsTheConnection() {
        ws.send("{not json");
        assertEquals(JsonRpc.PARSE_ERROR, ws.nextResponse().get("error").get("code").asInt());
        assertEquals(JsonRpc.METHOD_NOT_FOUND, ws.call("nope").get("error").get("code").asInt());
        assertEquals(JsonRpc.INVALID_PARAMS, ws.call("chain_getHeader", "0x12").get("error").get("code").asInt());
        assertEquals(JsonRpc.INVALID_PARAMS, errorCode(ws.call("chain_unsubscribeNewHeads", List.of())));
        assertFalse(ws.result("chain_unsubscribeNewHeads", 12345).asBoolean());
        assertEquals("Hamster Test", ws.result("system_chain").asText());
    }

    @Test
    void oversizedMessagesAreRefusedAndTheConnectionGoesOn() {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"system_name\",\"params\":[\""
                + "a".repeat(10 * ServerSettings.MIB) + "\"]}";
        ws.send(big);
        JsonNode e = ws.nextResponse();
        assertEquals(JsonRpc.OVERSIZED_REQUEST, e.get("error").get("code").asInt(), e::toString);
        assertTrue(e.get("id").isNull());
        assertEquals("Hamster Test", ws.result("system_chain").asText());
        String half = "b".repeat(6 * ServerSettings.MIB);
        ws.sendFragments("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"system_name\",\"params\":[\"", half, half,
                "\"]}");
        assertEquals(JsonRpc.OVERSIZED_REQUEST, ws.nextResponse().get("error").get("code").asInt());
        assertEquals("Hamster Test", ws.result("system_chain").asText());
        ws.sendFragments("{\"jsonrpc\":\"2.0\",", "\"id\":11,\"method\":", "\"system_chain\"}");
        assertEquals("Hamster Test", ws.nextResponse().get("result").asText());
    }

    private static int errorCode(JsonNode response) {
        return response.get("error").get("code").asInt();
    }

    @Test
    void pagesFromOriginsNotAllowedCannotOpenASocket() {
        CompletionException e = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port + "/"), new WebSocket.Listener() { }).join());
        assertEquals(403, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        WsClient.connect(server.port, "http://localhost:3000").close();
    }

    @Test
    void pingIsAnswered() throws Exception {
        ws.socket().sendPing(ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8))).join();
        ByteBuffer pong = ws.pongs.poll(5, TimeUnit.SECONDS);
        assertEquals("hi", StandardCharsets.UTF_8.decode(pong).toString());
    }

    @Test
    void droppedConnectionsLeaveNoListenersBehind() throws Exception {
        int before = chain.listenerCount();
        assertEquals(0, before);
        WsClient other = server.ws();
        other.result("chain_subscribeNewHeads");
        other.result("chain_subscribeFinalizedHeads");
        other.result("state_subscribeRuntimeVersion");
        other.result("state_subscribeStorage", List.of(Hex.encode(TestServer.KEY_A)));
        assertEquals(before + 4, chain.listenerCount());
        other.abort();
        awaitListeners(before);
        chain.seal();
        assertEquals("Hamster Test", ws.result("system_chain").asText());
    }
}
