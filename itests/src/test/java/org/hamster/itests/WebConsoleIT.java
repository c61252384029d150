package org.hamster.itests;

import static org.hamster.itests.ProviderIT.eventually;
import static org.hamster.itests.ProviderIT.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.hamster.chain.AccountId;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.junit.jupiter.api.Test;

/**
 * The web UI's server side in the all-in-one distribution (its own ports, no compute backend): the app's files at
 * /hamster/ next to the REST API at /hamster/api/, the public explorer and roles without a token, the login that
 * hands out the token, a transfer decoded by the explorer, and the Karaf web console page of the roles.
 */
class WebConsoleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theWebUiTheExplorerTheLoginAndTheConsole() throws Exception {
        int http = freePort();
        int rpc = freePort();
        KarafProcess hamster = KarafProcess.unpack(Path.of(System.getProperty("hamster.hamster.zip")),
                Path.of("target/webconsole-it").toAbsolutePath());
        hamster.config("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http));
        hamster.config("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort()));
        hamster.config("org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
        hamster.config("org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
        hamster.config("org.hamster.rpc.cfg", "port", String.valueOf(rpc));
        hamster.config("org.hamster.chain.client.cfg", "url", "ws://127.0.0.1:" + rpc);
        hamster.config("org.hamster.gateway.cfg", "listenAddress", "/ip4/127.0.0.1/tcp/" + freePort());
        hamster.config("org.hamster.provider.cfg", "listenAddress", "/ip4/127.0.0.1/tcp/" + freePort());
        hamster.config("org.hamster.devnet.cfg", "backend", "none");
        String web = "http://127.0.0.1:" + http + "/hamster/";
        String api = web + "api/";
        try (hamster) {
            hamster.start();

            // the web app: plain files of the bundle, next to the REST API's servlet
            RestCalls.awaitStatus(web, null, 200);
            HttpResponse<String> index = RestCalls.get(web, null);
            assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(index.body().toLowerCase().contains("<html"), index.body());
            assertEquals(index.body(), RestCalls.get(web + "index.html", null).body());
            assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElse(""));
            HttpResponse<String> bare = RestCalls.get("http://127.0.0.1:" + http + "/hamster", null);
            assertEquals(302, bare.statusCode());
            assertTrue(bare.headers().firstValue("Location").orElse("").endsWith("/hamster/"));
            assertEquals(404, RestCalls.get(web + "no-such-file.js", null).statusCode());

            // public chain data without a token; the roles' APIs still need one
            RestCalls.awaitStatus(api + "chain/info", null, 200);
            JsonNode info = json(RestCalls.get(api + "chain/info", null));
            assertEquals("HAM", info.path("tokenSymbol").asText(), info.toString());
            RestCalls.awaitStatus(api + "client/status", null, 401);
            RestCalls.assertError(RestCalls.get(api + "client/status", null), 401, "unauthorized");

            // the login hands out the API token
            String token = json(RestCalls.post(api + "login", null, "{\"user\":\"karaf\",\"password\":\"karaf\"}"))
                    .path("token").asText();
            assertEquals(Files.readString(hamster.home().resolve("data/hamster/api.token")).strip(), token);
            RestCalls.awaitStatus(api + "client/status", token, 200);
            RestCalls.assertError(RestCalls.post(api + "login", null, "{\"user\":\"karaf\",\"password\":\"nope\"}"),
                    401, "unauthorized");

            // a transfer, decoded by the explorer
            Ed25519.KeyPair alice = KeyDerivation.pair("//Alice");
            AccountId eve = AccountId.of(KeyDerivation.pair("//Eve").publicKey());
            BigInteger oneHam = BigInteger.TEN.pow(info.path("tokenDecimals").asInt());
            Transfers transfers = new Transfers(new Rpc(rpc));
            long number = transfers.awaitInBlock(transfers.transfer(alice, eve, oneHam), Duration.ofSeconds(60));
            JsonNode block = json(RestCalls.get(api + "chain/blocks/" + number, null));
            JsonNode transfer = find(block.path("extrinsics"), "call", "transfer_allow_death");
            assertEquals(AccountId.of(alice.publicKey()).ss58(), transfer.path("signer").asText(), block.toString());
            assertEquals("Balances", transfer.path("pallet").asText());
            assertEquals(eve.ss58(), transfer.path("args").path("dest").asText());
            assertEquals("1 HAM", transfer.path("args").path("value").asText());
            assertTrue(transfer.path("success").asBoolean(), transfer.toString());
            JsonNode moved = find(block.path("events"), "name", "Transfer");
            assertEquals(eve.ss58(), moved.path("fields").path("to").asText(), moved.toString());
            assertEquals(transfer.path("index").asInt(), moved.path("extrinsic").asInt());
            JsonNode first = json(RestCalls.get(api + "chain/blocks/1", null));
            assertEquals("set", first.path("extrinsics").path(0).path("call").asText(), first.toString());
            assertTrue(first.path("events").size() > 0, first.toString());
            JsonNode latest = json(RestCalls.get(api + "chain/blocks?count=3", null));
            assertTrue(latest.size() == 3 && latest.path(0).path("number").asLong() > latest.path(1).path("number")
                    .asLong(), latest.toString());
            assertTrue(json(RestCalls.get(api + "chain/accounts/" + eve.ss58(), null)).path("free").asText()
                    .endsWith(" HAM"));
            RestCalls.assertError(RestCalls.get(api + "chain/blocks/nope", null), 400, "bad-request");
            RestCalls.assertError(RestCalls.get(api + "chain/blocks/99999999", null), 404, "not-found");

            // which pages the UI shows
            JsonNode roles = eventually("all four roles", () -> {
                JsonNode r = json(RestCalls.get(api + "roles", null));
                return r.path("provider").asBoolean() && r.path("client").asBoolean() && r.path("gateway")
                        .asBoolean() ? r : null;
            });
            assertTrue(roles.path("node").asBoolean(), roles.toString());
            assertEquals("ws://127.0.0.1:" + rpc, roles.path("chainUrl").asText());

            // the Karaf web console page
            String console = "http://127.0.0.1:" + http + "/system/console/hamster";
            assertEquals(401, console(console, null).statusCode());
            String page = eventually("the web console page of the four roles", () -> {
                HttpResponse<String> r = console(console, "karaf:karaf");
                // (the provider is listed while it waits for its development account, and shows its leases once it runs)
                return r.statusCode() == 200 && r.body().contains("This instance runs: node, gateway, provider, "
                        + "client.") && r.body().contains(">Provider leases<") ? r.body() : null;
            });
            assertTrue(page.contains(">Chain client<") && page.contains(">Provider leases<"), page);
        }
    }

    private static HttpResponse<String> console(String url, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(
                    StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The element of {@code array} whose {@code field} is {@code value}. */
    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode e : array) {
            if (value.equals(e.path(field).asText())) {
                return e;
            }
        }
        assertNotNull(null, "no element with " + field + "=" + value + " in " + array);
        return null;
    }
}
