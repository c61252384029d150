package org.hamster.itests;

import static org.hamster.itests.ProviderIT.eventually;
import static org.hamster.itests.ProviderIT.freePort;
import static org.hamster.itests.RestCalls.assertError;
import static org.hamster.itests.RestCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hamster.crypto.KeyDerivation;
import org.junit.jupiter.api.Test;

/**
 * A fresh provider as an operator meets it: the provider assembly as it comes (only its ports moved), next to a
 * node. Without an account the provider role still runs, UNCONFIGURED: no ERROR in the log but one WARN with the
 * reason, the role listed for the web UI, its status saying what to set, and every management call refused with
 * that reason (REST 409 not-configured, the shell's error). Then it is configured the way a user does: a key
 * imported with hamster:key-import, a password file written, account and passwordFile saved through the settings
 * API; it runs at once with its peer id, no restart of Karaf. A password file that does not exist yet stops it
 * again (UNCONFIGURED, its p2p port released), and writing that file starts it by itself.
 */
class ProviderSetupIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFreshProviderSaysWhatToSetAndRunsOnceConfigured() throws Exception {
        Path base = Path.of("target/provider-setup-it").toAbsolutePath();
        int rpc = freePort();
        int ssh = freePort();
        int http = freePort();
        int p2p = freePort();
        String api = "http://127.0.0.1:" + http + "/hamster/api/";
        try (KarafProcess node = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                base.resolve("node"));
                KarafProcess prov = KarafProcess.unpack(Path.of(System.getProperty("hamster.provider.zip")),
                        base.resolve("provider"))) {
            node.config("org.hamster.rpc.cfg", "port", String.valueOf(rpc));
            node.config("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort()));
            node.config("org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
            node.config("org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
            node.start();
            // the provider as it comes: no etc/org.hamster.provider.cfg of ours but its listen port
            prov.config("org.hamster.provider.cfg", "listenAddress", "/ip4/127.0.0.1/tcp/" + p2p);
            prov.config("org.hamster.chain.client.cfg", "url", "ws://127.0.0.1:" + rpc);
            prov.config("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ssh));
            prov.config("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http));
            prov.config("org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
            prov.config("org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
            new Rpc(rpc).awaitUp(Duration.ofSeconds(120));
            prov.start();
            Path tokenFile = prov.home().resolve("data/hamster/api.token");
            String token = eventually("the API token", () -> Files.exists(tokenFile)
                    ? Files.readString(tokenFile).strip() : null);
            Path log = prov.home().resolve("data/log/karaf.log");

            // unconfigured: the role runs and says why it does nothing
            RestCalls.awaitStatus(api + "provider/status", token, 200);
            JsonNode status = json(send("GET", api + "provider/status", token, null));
            System.out.println("ProviderSetupIT: unconfigured status " + status);
            assertEquals("UNCONFIGURED", status.path("state").asText(), status.toString());
            String reason = status.path("reason").asText();
            assertTrue(reason.startsWith("no account is set; set account (a keystore account, see hamster:key-import)"
                    + " and passwordFile (a file with its password) in etc/org.hamster.provider.cfg, with "
                    + "hamster:provider-settings --set account=<name> --set passwordFile=<file>, or in the web "
                    + "console's provider settings"), reason);
            assertTrue(status.path("peerId").isNull() && status.path("account").isNull(), status.toString());
            assertEquals(0, status.path("listenAddresses").size(), status.toString());
            assertEquals("not configured: " + reason, status.path("detail").asText());
            String refusal = "bad configuration: the provider is not configured: " + reason;
            assertEquals(refusal, assertError(send("GET", api + "provider/resources", token, null), 409,
                    "not-configured"));
            assertEquals(refusal, assertError(send("POST", api + "provider/pledge", token, "{\"amount\":\"100\"}"),
                    409, "not-configured"));
            assertEquals(refusal, assertError(send("GET", api + "provider/leases", token, null), 409,
                    "not-configured"));
            assertPortFree(p2p, "no p2p host while unconfigured");
            String shellStatus = shell(prov, ssh, "hamster:provider-status");
            assertTrue(shellStatus.contains("State:           UNCONFIGURED") && shellStatus.contains(
                    "Reason:          no account is set; set account"), shellStatus);
            assertTrue(shell(prov, ssh, "hamster:provider-account").contains(refusal), "the shell prints the reason");

            String warning = "provider: not configured, not started: " + reason;
            List<String> lines = Files.readAllLines(log);
            assertEquals(List.of(), providerErrors(lines), "no ERROR of the provider in " + log);
            assertEquals(1, lines.stream().filter(l -> l.contains("| WARN ") && l.contains(warning)).count(),
                    "one WARN line with the reason in " + log);
            assertTrue(lines.stream().noneMatch(l -> l.contains("HamsterException")), "no stack trace in " + log);

            // the web UI lists the role (its provider page shows the reason above the settings form)
            shell(prov, ssh, "feature:install --no-auto-refresh hamster-webconsole");
            JsonNode roles = eventually("the roles of the web UI", () -> {
                HttpResponse<String> r = RestCalls.get(api + "roles", null);
                return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
            });
            assertTrue(roles.path("provider").asBoolean(), roles.toString());

            // configured as a user does: a key, a password file, the settings; no restart of Karaf
            assertTrue(shell(prov, ssh, "hamster:provider-settings --set \"account=my key\"").contains(
                    "account: 'my key' is not a keystore account name"), "a bad setting is refused, nothing stored");
            assertTrue(shell(prov, ssh, "hamster:key-import --password secret prov \"//Bob\"").contains(
                    KeyDerivation.pair("//Bob").address()));
            Path password = prov.home().resolve("etc/provider.password");
            Files.writeString(password, "secret\n");
            JsonNode saved = json(send("PUT", api + "provider/settings", token, "{\"account\":\"prov\","
                    + "\"passwordFile\":\"" + password + "\"}"));
            assertEquals("prov", saved.path("settings").path("account").asText(), saved.toString());
            JsonNode running = eventually("the provider running", () -> inState(api, token, "RUNNING"));
            System.out.println("ProviderSetupIT: running status " + running);
            assertTrue(running.path("peerId").asText().startsWith("12D3KooW"), running.toString());
            assertTrue(running.path("reason").isNull(), running.toString());
            String bob = KeyDerivation.pair("//Bob").address();
            assertEquals(bob, running.path("account").asText());
            assertEquals("/ip4/127.0.0.1/tcp/" + p2p, running.path("listenAddresses").path(0).asText());
            assertEquals(bob, json(send("GET", api + "provider/account", token, null)).path("address").asText());
            assertEquals(0, json(send("GET", api + "provider/resources", token, null)).size());
            String runningShell = shell(prov, ssh, "hamster:provider-status");
            assertTrue(runningShell.contains("State:           RUNNING") && runningShell.contains("Peer id:         "
                    + running.path("peerId").asText()), runningShell);

            // a password file that is not there yet: unconfigured again, until it is written
            Path later = prov.home().resolve("etc/later.password");
            json(send("PUT", api + "provider/settings", token, "{\"passwordFile\":\"" + later + "\"}"));
            JsonNode waiting = eventually("the provider unconfigured again", () -> inState(api, token,
                    "UNCONFIGURED"));
            assertTrue(waiting.path("reason").asText().startsWith("cannot read passwordFile " + later
                    + " (no such file)"), waiting.toString());
            assertPortFree(p2p, "the p2p host stopped");
            Files.writeString(later, "secret\n");
            JsonNode again = eventually("the provider running once the file is written", () -> inState(api, token,
                    "RUNNING"));
            assertEquals(running.path("peerId").asText(), again.path("peerId").asText(), "the same identity");
            List<String> all = Files.readAllLines(log);
            assertEquals(List.of(), providerErrors(all), "no ERROR of the provider in " + log);
            assertEquals(1, all.stream().filter(l -> l.contains("| WARN ") && l.contains(warning)).count(),
                    "one WARN line for the missing account in " + log);
        }
    }

    /** The provider's status once it is in {@code state}; null while it is another or restarting (no endpoint). */
    private static JsonNode inState(String api, String token, String state) throws Exception {
        HttpResponse<String> r = send("GET", api + "provider/status", token, null);
        if (r.statusCode() != 200) {
            return null;
        }
        JsonNode s = JSON.readTree(r.body());
        return s.path("state").asText().equals(state) ? s : null;
    }

    /**
     * The log's ERROR entries (a line and its stack trace) about the provider: its own, SCR's about its component,
     * the shell's about its commands.
     */
    private static List<String> providerErrors(List<String> lines) {
        List<String> entries = new java.util.ArrayList<>();
        for (String line : lines) {
            if (line.matches("^\\d{4}-\\d\\d-\\d\\dT.*") || entries.isEmpty()) {
                entries.add(line);
            } else {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + "\n" + line);
            }
        }
        return entries.stream().filter(e -> e.contains("| ERROR ") && e.contains("org.hamster.provider")).toList();
    }

    private static void assertPortFree(int port, String why) throws Exception {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, s.getLocalPort(), why);
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static String shell(KarafProcess prov, int ssh, String command) throws Exception {
        String out = prov.client(ssh, command);
        System.out.println("ProviderSetupIT$ " + command + System.lineSeparator() + out);
        return out;
    }
}
