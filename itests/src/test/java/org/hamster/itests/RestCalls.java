package org.hamster.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP calls and JSON checks for RestFeatureIT. A class of its own so that the test class does not mention
 * Jackson: the probe can load Jackson only once a feature has installed it.
 */
final class RestCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RestCalls() {
    }

    static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
        return send("POST", url, token, json);
    }

    /** Any method with an optional JSON body (null: none). */
    static HttpResponse<String> send(String method, String url, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(url, token).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code url} until it answers {@code status} (a minute at most). */
    static void awaitStatus(String url, String token, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = get(url, token).statusCode();
                if (last == status) {
                    return;
                }
            } catch (IOException e) {
                last = -1;
            }
            Thread.sleep(200);
        }
        assertEquals("status of " + url, status, last);
    }

    /** Asserts a 200 JSON answer equal to {@code expectedJson}. */
    static void assertJson(HttpResponse<String> response, String expectedJson) throws IOException {
        assertEquals(response.body(), 200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(JSON.readTree(expectedJson), JSON.readTree(response.body()));
    }

    /** Asserts the status and a JSON body {"code": code, "message": ...}; returns the message. */
    static String assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(response.body(), code, body.path("code").asText());
        assertTrue(response.body(), body.path("message").isTextual());
        assertEquals(response.body(), 2, body.size());
        return body.path("message").asText();
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
