package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** JSON-RPC over a real WebSocket with the JDK client; notifications are queued apart from responses. */
final class WsClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private final BlockingQueue<JsonNode> responses = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
    private final Map<Long, JsonNode> early = new HashMap<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    private WebSocket ws;
    private long nextId = 1;

    static WsClient connect(int port) {
        return connect(port, null);
    }

    /** Connects as a page of {@code origin} would (null: as a program, without an Origin header). */
    static WsClient connect(int port, String origin) {
        WsClient c = new WsClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            b.header("Origin", origin);
        }
        c.ws = b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), c.listener()).join();
        return c;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    JsonNode m = HttpRpc.parse(text.toString());
                    text.setLength(0);
                    (m.has("method") ? notifications : responses).add(m);
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPong(WebSocket w, ByteBuffer message) {
                pongs.add(message);
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                closed.complete(-1);
            }
        };
    }

    WebSocket socket() {
        return ws;
    }

    /** Sends a request and waits for the response with its id. */
    JsonNode call(String method, Object... params) {
        long id = nextId++;
        ObjectNode req = JsonRpc.NODES.objectNode();
        req.put("jsonrpc", "2.0");
        req.put("id", id);
        req.put("method", method);
        req.set("params", JsonRpc.MAPPER.valueToTree(params));
        send(req.toString());
        JsonNode r = early.remove(id);
        while (r == null) {
            JsonNode next = nextResponse();
            if (next.path("id").asLong(-1) == id) {
                r = next;
            } else {
                early.put(next.path("id").asLong(-1), next);
            }
        }
        return r;
    }

    JsonNode result(String method, Object... params) {
        JsonNode r = call(method, params);
        assertFalse(r.has("error"), () -> method + " failed: " + r);
        return r.get("result");
    }

    void send(String text) {
        ws.sendText(text, true).join();
    }

    void sendFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            ws.sendText(parts[i], i == parts.length - 1).join();
        }
    }

    /** The next message that is not a notification (a response or a batch). */
    JsonNode nextResponse() {
        JsonNode r = poll(responses, WAIT);
        assertNotNull(r, "no response within " + WAIT);
        return r;
    }

    JsonNode notification() {
        JsonNode n = poll(notifications, WAIT);
        assertNotNull(n, "no notification within " + WAIT);
        return n;
    }

    /** The next notification, checked to be {@code method} for {@code subscription}; returns its result. */
    JsonNode notification(String method, String subscription) {
        JsonNode n = notification();
        assertEquals("2.0", n.get("jsonrpc").asText());
        assertEquals(method, n.get("method").asText(), n::toString);
        assertEquals(subscription, n.get("params").get("subscription").asText(), n::toString);
        assertTrue(n.get("params").has("result"));
        return n.get("params").get("result");
    }

    void assertNoNotification(Duration within) {
        JsonNode n = poll(notifications, within);
        assertNull(n, () -> "unexpected notification " + n);
    }

    void abort() {
        ws.abort();
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // already closing: abort below
            }
        }
        ws.abort();
    }

    private static JsonNode poll(BlockingQueue<JsonNode> q, Duration d) {
        try {
            return q.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
