package org.hamster.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A minimal JSON-RPC over HTTP caller for tests: the node is driven exactly as an outside tool would. */
public final class Rpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    public Rpc(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port);
    }

    /** The full JSON-RPC response object. */
    public JsonNode raw(String method, Object... params) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method,
                "params", List.of(params)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    /** The result, failing on a JSON-RPC error. */
    public JsonNode call(String method, Object... params) throws IOException, InterruptedException {
        JsonNode r = raw(method, params);
        if (r.has("error")) {
            throw new IOException(method + " failed: " + r.get("error"));
        }
        return r.get("result");
    }

    /** Waits until the node answers system_health steadily. */
    public void awaitUp(Duration timeout) throws InterruptedException {
        // Right after feature:install, Karaf delivers the features' etc/*.cfg files and each delivery restarts the
        // components it configures: the node counts as up once it has answered for 2 s without interruption.
        long end = System.nanoTime() + timeout.toNanos();
        long upSince = -1;
        while (System.nanoTime() < end) {
            try {
                call("system_health");
                upSince = upSince < 0 ? System.nanoTime() : upSince;
                if (System.nanoTime() - upSince >= 2_000_000_000L) {
                    return;
                }
            } catch (IOException e) {
                upSince = -1;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node RPC not up after " + timeout);
    }
}
