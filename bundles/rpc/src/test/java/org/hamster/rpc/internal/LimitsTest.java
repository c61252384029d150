package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request, response, connection and subscription limits, on a server configured small. */
class LimitsTest {
    private static final int MAX_REQUEST = 4096;
    private static final int MAX_RESPONSE = 2048;
    private static final int MAX_CONNECTIONS = 3;
    private static final int MAX_SUBSCRIPTIONS = 2;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        ServerSettings d = ServerSettings.defaults(0);
        server = TestServer.start(new ServerSettings(d.host(), 0, MAX_REQUEST, MAX_RESPONSE, MAX_CONNECTIONS,
                MAX_SUBSCRIPTIONS, d.cors(), 2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void requestLimitOverHttpAndWebSocket() {
        HttpRpc rpc = server.http();
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"author_submitExtrinsic\",\"params\":[\"0x"
                + "00".repeat(MAX_REQUEST) + "\"]}";
        HttpResponse<String> r = rpc.post(big);
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("Exceeded max limit of " + MAX_REQUEST), r.body());
        assertEquals("Hamster Test", rpc.result("system_chain").asText());
        try (WsClient ws = server.ws()) {
            ws.send(big);
            assertEquals(JsonRpc.OVERSIZED_REQUEST, ws.nextResponse().get("error").get("code").asInt());
            assertEquals("Hamster Test", ws.result("system_chain").asText());
        }
    }

    @Test
    void responseLimit() {
        HttpRpc rpc = server.http();
        rpc.result("author_submitExtrinsic", "0x01" + "ab".repeat(MAX_RESPONSE * 3 / 4));
        String hash = server.chain.seal().hash().hex();
        JsonNode e = rpc.error(JsonRpc.OVERSIZED_RESPONSE, "chain_getBlock", hash);
        assertEquals("Response is too big", e.get("message").asText());
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                    .append(",\"method\":\"system_health\"}");
        }
        JsonNode b = HttpRpc.parse(rpc.post(batch.append("]").toString()).body());
        assertEquals(JsonRpc.TOO_BIG_BATCH_RESPONSE, b.get("error").get("code").asInt(), b::toString);
        assertEquals("Hamster Test", rpc.result("system_chain").asText());
    }

    @Test
    void subscriptionLimitPerConnection() {
        try (WsClient ws = server.ws()) {
            ws.result("chain_subscribeNewHeads");
            String second = ws.result("chain_subscribeNewHeads").asText();
            JsonNode e = ws.call("chain_subscribeNewHeads").get("error");
            assertEquals(JsonRpc.TOO_MANY_SUBSCRIPTIONS, e.get("code").asInt());
            assertEquals("Too many subscriptions on the connection", e.get("message").asText());
            assertTrue(ws.result("chain_unsubscribeNewHeads", second).asBoolean());
            ws.result("state_subscribeRuntimeVersion");
        }
    }

    /** On a server of its own: pooled HTTP connections of the other tests would count too. */
    @Test
    void connectionLimit() throws Exception {
        ServerSettings d = ServerSettings.defaults(0);
        List<WsClient> open = new ArrayList<>();
        try (TestServer own = TestServer.start(d.withLimits(MAX_REQUEST, MAX_CONNECTIONS, MAX_SUBSCRIPTIONS))) {
            try {
                for (int i = 0; i < MAX_CONNECTIONS; i++) {
                    open.add(own.ws());
                }
                CompletionException refused = assertThrows(CompletionException.class, own::ws);
                WebSocketHandshakeException h = (WebSocketHandshakeException) refused.getCause();
                assertEquals(429, h.getResponse().statusCode());
                open.remove(0).close();
                awaitConnections(own, MAX_CONNECTIONS - 1);
                open.add(own.ws());
                assertEquals("Hamster Test", open.get(open.size() - 1).result("system_chain").asText());
            } finally {
                open.forEach(WsClient::close);
            }
        }
    }

    private static void awaitConnections(TestServer s, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (s.server.connectionCount() > n && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(n, s.server.connectionCount());
    }
}
