package org.hamster.itests;

import static org.hamster.itests.ProviderIT.HOUR_MS;
import static org.hamster.itests.ProviderIT.HTTP;
import static org.hamster.itests.ProviderIT.RPC;
import static org.hamster.itests.ProviderIT.SSH;
import static org.hamster.itests.ProviderIT.eventually;
import static org.hamster.itests.RestCalls.assertError;
import static org.hamster.itests.RestCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientException;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.chain.client.Market;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.junit.jupiter.api.Test;

/**
 * The provider's management through its admin REST API (bearer token) and its {@code hamster:provider-*} commands
 * (bin/client), on a real node and provider assembly: pledge, register, price, extend, offline (the chain refuses
 * an order), relist, a short lease whose rent is withdrawn, remove, pledge withdrawal; bad input is refused with
 * 400/404 before anything is sent, and an unreachable node is a 503.
 */
class ProviderAdminIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger HAM = BigInteger.TEN.pow(12);
    private static final String API = "http://127.0.0.1:" + HTTP + "/hamster/api/provider";

    private String token;
    private KarafProcess prov;

    @Test
    void managesPledgeResourcesAndEarnings() throws Exception {
        Path base = Path.of("target/provider-admin-it").toAbsolutePath();
        try (KarafProcess node = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                base.resolve("node"));
                KarafProcess provider = KarafProcess.unpack(Path.of(System.getProperty("hamster.provider.zip")),
                        base.resolve("provider"))) {
            prov = provider;
            ProviderIT.startNode(node);
            ProviderIT.configure(prov, "docker", ProviderIT.freePort());
            prov.config("org.hamster.provider.cfg", "cpus", "0"); // every resource comes from the admin API
            prov.config("org.hamster.chain.client.cfg", "requestTimeoutMs", "8000");
            new Rpc(RPC).awaitUp(Duration.ofSeconds(120));
            prov.start();
            Path tokenFile = prov.home().resolve("data/hamster/api.token");
            token = eventually("the API token", () -> Files.exists(tokenFile) ? Files.readString(tokenFile).strip()
                    : null);
            RestCalls.awaitStatus(API + "/account", token, 200);
            Ed25519.KeyPair bob = KeyDerivation.pair("//Bob");
            AccountId bobId = AccountId.of(bob.publicKey());
            try (ChainClient chain = ChainClient.connect(URI.create("ws://127.0.0.1:" + RPC),
                    ChainClientOptions.defaults())) {
                Market market = chain.market();
                assertEquals(bobId.ss58(), json(send("GET", API + "/account", token, null)).get("address").asText());
                ok("POST", "/pledge", "{\"amount\":\"100\"}");
                assertEquals("100", json(send("GET", API + "/account", token, null)).get("pledgeTotal").asText());

                badInputChangesNothing(chain, bobId);

                // register, then the price: visible in the API and on chain
                ok("POST", "/resources", "{\"cpu\":1,\"memoryGiB\":1,\"diskGiB\":10,\"pricePerHour\":\"1\","
                        + "\"rentableHours\":100}");
                JsonNode listed = json(send("GET", API + "/resources", token, null)).get(0);
                long id = listed.get("id").asLong();
                assertEquals("UNUSED", listed.get("status").asText());
                ok("PUT", "/resources/" + id + "/price", "{\"pricePerHour\":\"2.5\"}");
                assertEquals("2.5", json(send("GET", API + "/resources", token, null)).get(0).get("pricePerHour")
                        .asText());
                Resource r = ChainClient.await(market.resource(id)).orElseThrow();
                assertEquals(HAM.multiply(BigInteger.valueOf(5)).divide(BigInteger.TWO), r.pricePerHour());

                // extend and offline through the shell; an order on an offline resource is refused by the chain
                assertTrue(shell("hamster:provider-resource-extend " + id + " 10").contains("In block"));
                assertEquals(r.endOfRent() + 10 * HOUR_MS, ChainClient.await(market.resource(id)).orElseThrow()
                        .endOfRent());
                assertTrue(shell("hamster:provider-resource-offline " + id).contains("ResourceOffline"));
                assertEquals(ResourceStatus.OFFLINE, ChainClient.await(market.resource(id)).orElseThrow().status());
                Ed25519.KeyPair charlie = KeyDerivation.pair("//Charlie");
                String pub = Files.readString(Path.of(SshLink.keygen(base.resolve("tenant")) + ".pub")).strip();
                ChainClientException refused = assertThrows(ChainClientException.class, () -> ChainClient.await(
                        chain.signer().submitAndWaitInBlock(charlie, market.calls().createOrder(id, 1, pub))));
                assertTrue(refused.getMessage().contains("ResourceNotUnused"), refused.getMessage());
                assertTrue(assertError(send("POST", API + "/resources/" + id + "/offline", token, null), 409,
                        "chain-refused").contains("Provider.ResourceNotUnused"));
                ok("POST", "/resources/" + id + "/relist", null);
                assertTrue(shell("hamster:provider-resources").contains("UNUSED"));

                leaseAndWithdraw(chain, charlie, id, pub);

                ok("DELETE", "/resources/" + id, null);
                assertTrue(ChainClient.await(market.resource(id)).isEmpty());
                assertEquals(0, json(send("GET", API + "/resources", token, null)).size());

                // the shell registers and removes too, and withdraws pledge
                assertTrue(shell("hamster:provider-resource-register --cpu 1 --memory 1 --disk 5 --price 0.5 "
                        + "--hours 5 --system Alpine").contains("ResourceRegistered"));
                Resource second = ProviderIT.firstResource(market, bobId);
                assertEquals("Alpine", new String(second.config().system().toArray()));
                assertTrue(shell("hamster:provider-resource-remove " + second.id()).contains("ResourceRemoved"));
                assertTrue(shell("hamster:provider-pledge-withdraw 40").contains("PledgeWithdrawn"));
                assertTrue(shell("hamster:provider-account").contains("Pledge:        60.000000000000 HAM"));
            }

            node.kill9();
            assertError(send("GET", API + "/account", token, null), 503, "chain-unavailable");
        }
    }

    /** Bad input through REST and shell: 400/404 or an error message, and the account's nonce and state unchanged. */
    private void badInputChangesNothing(ChainClient chain, AccountId bob) throws Exception {
        long nonce = ChainClient.await(chain.accountNextIndex(bob));
        JsonNode account = json(send("GET", API + "/account", token, null));
        JsonNode resources = json(send("GET", API + "/resources", token, null));
        for (String body : new String[] {"{\"amount\":\"-1\"}", "{\"amount\":\"abc\"}", "{\"amount\":\"0\"}",
            "{\"amount\":\"1.0000000000001\"}", "{}", "{\"amount\":\"1\",\"to\":\"x\"}", "{\"amount\": 1", "null"}) {
            assertError(send("POST", API + "/pledge", token, body), 400, "bad-request");
        }
        assertError(send("POST", API + "/pledge/withdraw", token, "{\"amount\":\"-0.5\"}"), 400, "bad-request");
        for (String body : new String[] {"{\"cpu\":1,\"memoryGiB\":1,\"diskGiB\":10,\"pricePerHour\":\"1\"}",
            "{\"cpu\":-1,\"memoryGiB\":1,\"diskGiB\":10,\"pricePerHour\":\"1\",\"rentableHours\":5}",
            "{\"cpu\":1,\"memoryGiB\":1,\"diskGiB\":10,\"pricePerHour\":\"1\",\"rentableHours\":1.5}",
            "{\"cpu\":1,\"memoryGiB\":1,\"diskGiB\":10,\"pricePerHour\":\"1\",\"rentableHours\":5,\"gpu\":\"x\"}",
            "{\"cpu\":1,\"memoryGiB\":1,\"diskGiB\":10,\"pricePerHour\":\"1\",\"rentableHours\":5,\"system\":\" \"}"}) {
            assertError(send("POST", API + "/resources", token, body), 400, "bad-request");
        }
        assertError(send("PUT", API + "/resources/abc/price", token, "{\"pricePerHour\":\"1\"}"), 400, "bad-request");
        assertError(send("PUT", API + "/resources/999/price", token, "{\"pricePerHour\":\"1\"}"), 404, "not-found");
        assertError(send("POST", API + "/resources/999/duration", token, "{\"hours\":1}"), 404, "not-found");
        assertError(send("POST", API + "/resources/999/offline", token, null), 404, "not-found");
        assertError(send("DELETE", API + "/resources/999", token, null), 404, "not-found");
        assertError(send("POST", API + "/earnings/withdraw", token, "{\"agreement\":999}"), 404, "not-found");
        assertError(send("POST", API + "/earnings/withdraw", token, "{\"agreement\":\"x\"}"), 400, "bad-request");
        assertError(send("GET", API + "/account", null, null), 401, "unauthorized");
        assertTrue(shell("hamster:provider-pledge abc").contains("not an amount: abc"));
        assertTrue(shell("hamster:provider-resource-relist 999").contains("not found: resource 999"));
        assertEquals(nonce, ChainClient.await(chain.accountNextIndex(bob)), "nothing was sent");
        assertEquals(account, json(send("GET", API + "/account", token, null)));
        assertEquals(resources, json(send("GET", API + "/resources", token, null)));
    }

    /**
     * A one-hour lease: its rent is withdrawn while it runs, once through the shell and once through REST (the free
     * balance rises); at its end the chain pays the rest by itself, and nothing is left to withdraw.
     */
    private void leaseAndWithdraw(ChainClient chain, Ed25519.KeyPair charlie, long id, String pub) throws Exception {
        RentalAgreement a = ProviderIT.order(chain, charlie, id, 1, pub);
        assertTrue(assertError(send("DELETE", API + "/resources/" + id, token, null), 409, "chain-refused")
                .contains("Provider.CannotRemove"));
        awaitRent();
        assertTrue(shell("hamster:provider-withdraw " + a.id()).contains("RentWithdrawn"));
        awaitRent();
        BigDecimal before = new BigDecimal(json(send("GET", API + "/account", token, null)).get("free").asText());
        JsonNode results = ok("POST", "/earnings/withdraw", "{}");
        assertTrue(results.size() == 1 && results.get(0).get("events").toString().contains("RentWithdrawn"),
                results.toString());
        BigDecimal after = new BigDecimal(json(send("GET", API + "/account", token, null)).get("free").asText());
        assertTrue(after.compareTo(before) > 0, before + " -> " + after);
        eventually("the end of the lease", () -> ChainClient.await(chain.market().agreement(a.id()))
                .filter(x -> x.status() == AgreementStatus.FINISHED).orElse(null));
        assertEquals(0, ok("POST", "/earnings/withdraw", null).size(), "the chain paid the rest at the end");
        assertEquals("0", json(send("GET", API + "/account", token, null)).get("withdrawable").asText());
        org.hamster.p2p.PeerId provider = org.hamster.p2p.PeerId.parse(json(send("GET", API + "/status", token, null))
                .get("peerId").asText());
        eventually("the lease's machine to go", () -> ProviderIT.machineId("docker", provider, a.order()).isEmpty()
                ? true : null);
    }

    private void awaitRent() throws Exception {
        eventually("rent to withdraw", () -> new BigDecimal(json(send("GET", API + "/account", token, null))
                .get("withdrawable").asText()).signum() > 0 ? true : null);
    }

    /** A 200 answer's JSON body. */
    private JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> r = send(method, API + path, token, body);
        assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private String shell(String command) throws Exception {
        String out = prov.client(SSH, command);
        System.out.println("ProviderAdminIT$ " + command + System.lineSeparator() + out);
        return out;
    }
}
