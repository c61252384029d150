package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON-RPC over real HTTP POST with the JDK client, as curl or a script would call the node. */
final class HttpRpc {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private int nextId = 1;

    HttpRpc(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/");
    }

    HttpResponse<String> post(String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        b.header("Content-Type", "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    /** The whole response object of one call. */
    JsonNode call(String method, Object... params) {
        ObjectNode req = JsonRpc.NODES.objectNode();
        req.put("jsonrpc", "2.0");
        req.put("id", nextId++);
        req.put("method", method);
        req.set("params", JsonRpc.MAPPER.valueToTree(params));
        HttpResponse<String> r = post(req.toString());
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body());
    }

    JsonNode result(String method, Object... params) {
        JsonNode r = call(method, params);
        assertFalse(r.has("error"), () -> method + " failed: " + r);
        assertTrue(r.has("result"), r::toString);
        return r.get("result");
    }

    /** The error object of a call that must fail with this code. */
    JsonNode error(int code, String method, Object... params) {
        JsonNode r = call(method, params);
        assertTrue(r.has("error"), () -> method + " should have failed: " + r);
        assertEquals(code, r.get("error").get("code").asInt(), r::toString);
        return r.get("error");
    }

    static JsonNode parse(String json) {
        try {
            return JsonRpc.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
