package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON-RPC envelope and the HTTP transport: bad input of every kind gets a clear error. */
class HttpProtocolTest {
    private static TestServer server;
    private static HttpRpc rpc;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        rpc = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode post(String body) {
        HttpResponse<String> r = rpc.post(body);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        return HttpRpc.parse(r.body());
    }

    private static void assertError(JsonNode r, int code, JsonNode id) {
        assertEquals("2.0", r.get("jsonrpc").asText(), r::toString);
        assertEquals(code, r.get("error").get("code").asInt(), r::toString);
        assertEquals(id, r.get("id"), r::toString);
    }

    @Test
    void malformedJsonIsAParseError() {
        for (String bad : new String[] {"{", "{\"jsonrpc\":\"2.0\",", "nonsense", "{} trailing", ""}) {
            JsonNode r = post(bad);
            assertError(r, JsonRpc.PARSE_ERROR, JsonRpc.NODES.nullNode());
            assertEquals("Parse error", r.get("error").get("message").asText());
        }
    }

    @Test
    void invalidRequests() {
        assertError(post("{\"id\":1,\"method\":\"system_name\"}"), JsonRpc.INVALID_REQUEST,
                JsonRpc.NODES.numberNode(1));
        assertError(post("{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"system_name\"}"), JsonRpc.INVALID_REQUEST,
                JsonRpc.NODES.numberNode(2));
        assertError(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":7}"), JsonRpc.INVALID_REQUEST,
                JsonRpc.NODES.numberNode(3));
        assertError(post("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"system_name\"}"), JsonRpc.INVALID_REQUEST,
                JsonRpc.NODES.nullNode());
        assertError(post("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"system_name\",\"params\":5}"),
                JsonRpc.INVALID_REQUEST, JsonRpc.NODES.textNode("x"));
        assertError(post("42"), JsonRpc.INVALID_REQUEST, JsonRpc.NODES.nullNode());
    }

    @Test
    void unknownMethod() {
        JsonNode r = post("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"nope_nothing\",\"params\":[]}");
        assertError(r, JsonRpc.METHOD_NOT_FOUND, JsonRpc.NODES.textNode("abc"));
        assertEquals("Method not found", r.get("error").get("message").asText());
    }

    @Test
    void tooManyParams() {
        JsonNode r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_name\",\"params\":[1]}");
        assertError(r, JsonRpc.INVALID_PARAMS, JsonRpc.NODES.numberNode(1));
        assertEquals("Invalid params", r.get("error").get("message").asText());
        assertTrue(r.get("error").get("data").asText().contains("at most 0"), r::toString);
    }

    @Test
    void batchAnswersEveryRequestButNotNotifications() {
        JsonNode r = post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_chain\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"system_chain\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"},"
                + "5,"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"chain_getBlockHash\",\"params\":[0]}]");
        assertEquals(4, r.size(), r::toString);
        assertEquals(1, r.get(0).get("id").asInt());
        assertEquals("Hamster Test", r.get(0).get("result").asText());
        assertError(r.get(1), JsonRpc.METHOD_NOT_FOUND, JsonRpc.NODES.numberNode(2));
        assertError(r.get(2), JsonRpc.INVALID_REQUEST, JsonRpc.NODES.nullNode());
        assertEquals(server.chain.blockHash(0).orElseThrow().hex(), r.get(3).get("result").asText());
    }

    @Test
    void emptyBatchIsInvalid() {
        assertError(post("[]"), JsonRpc.INVALID_REQUEST, JsonRpc.NODES.nullNode());
    }

    @Test
    void notificationsGetNoAnswer() {
        HttpResponse<String> r = rpc.post("{\"jsonrpc\":\"2.0\",\"method\":\"system_name\"}");
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
        r = rpc.post("[{\"jsonrpc\":\"2.0\",\"method\":\"system_name\"},{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}]");
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void oversizedBodyIs413AndTheServerGoesOn() {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"author_submitExtrinsic\",\"params\":[\"0x"
                + "00".repeat(ServerSettings.MIB * 5) + "\"]}";
        assertTrue(huge.length() > ServerSettings.MIB * 10);
        HttpResponse<String> r = rpc.post(huge);
        assertEquals(413, r.statusCode());
        JsonNode e = HttpRpc.parse(r.body());
        assertError(e, JsonRpc.OVERSIZED_REQUEST, JsonRpc.NODES.nullNode());
        assertEquals("Request is too big", e.get("error").get("message").asText());
        assertEquals("Hamster Test", rpc.result("system_chain").asText());
        assertEquals("Hamster Test", new HttpRpc(server.port).result("system_chain").asText());
    }

    /** The JDK client's default (HTTP/2) asks to upgrade to h2c; the server stays on HTTP/1.1 and answers. */
    @Test
    void clientsOfferingH2cAreAnsweredOverHttp11() throws Exception {
        java.net.http.HttpClient h2 = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_chain\"}";
            HttpResponse<String> r = h2.send(rpc.request("/").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("Hamster Test", HttpRpc.parse(r.body()).get("result").asText());
            HttpResponse<String> health = h2.send(rpc.request("/health").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
        }
    }

    @Test
    void onlyJsonIsAccepted() {
        HttpResponse<String> r = rpc.send(rpc.request("/").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(415, r.statusCode());
        assertTrue(r.body().contains("application/json"));
    }

    @Test
    void getIsNotJsonRpcButHealthIs() {
        HttpResponse<String> r = rpc.send(rpc.request("/").GET().build());
        assertEquals(405, r.statusCode());
        assertEquals(Optional.of("POST, OPTIONS"), r.headers().firstValue("allow"));
        HttpResponse<String> health = rpc.send(rpc.request("/health").GET().build());
        assertEquals(200, health.statusCode());
        assertEquals(HttpRpc.parse("{\"peers\":0,\"isSyncing\":false,\"shouldHavePeers\":false}"),
                HttpRpc.parse(health.body()));
    }

    @Test
    void browserOriginsFollowTheCorsList() {
        HttpResponse<String> ok = rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_chain\"}",
                "Origin", "http://localhost:8181");
        assertEquals(200, ok.statusCode());
        assertEquals(Optional.of("http://localhost:8181"), ok.headers().firstValue("access-control-allow-origin"));
        HttpResponse<String> denied = rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_chain\"}",
                "Origin", "https://evil.example");
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("corsOrigins"));
        HttpResponse<String> preflight = rpc.send(rpc.request("/").header("Origin", "https://polkadot.js.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, preflight.statusCode());
        assertEquals(Optional.of("https://polkadot.js.org"),
                preflight.headers().firstValue("access-control-allow-origin"));
        assertTrue(preflight.headers().firstValue("access-control-allow-methods").orElse("").contains("POST"));
    }
}
