package org.hamster.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Keystore;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.IdentityFiles;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.Stream;
import org.hamster.p2p.StreamHandler;
import org.hamster.pallet.gateway.GatewayInfo;
import org.junit.jupiter.api.Test;

/**
 * The gateway assembly next to a node assembly, both as separate Karaf servers the way an operator runs them: the
 * gateway registers on chain with a keystore account, heartbeats, rides out a node crash and restart, relays a
 * stream between two peers (metered in its REST API and shell), and deregisters when stopped cleanly.
 */
class GatewayIT {
    private static final int RPC = 19948;
    private static final int SSH = 18102;
    private static final int HTTP = 18182;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void registersHeartbeatsSurvivesANodeRestartRelaysAndDeregisters() throws Exception {
        Path base = Path.of("target/gateway-it").toAbsolutePath();
        try (KarafProcess node = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                base.resolve("node"));
                KarafProcess gw = KarafProcess.unpack(Path.of(System.getProperty("hamster.gateway.zip")),
                        base.resolve("gateway"))) {
            node.config("org.hamster.rpc.cfg", "port", String.valueOf(RPC));
            node.start();
            int p2pPort = freePort();
            configureGateway(gw, p2pPort, RPC);
            gw.start();
            new Rpc(RPC).awaitUp(Duration.ofSeconds(120));
            String peerId = IdentityFilesAwait.peerId(gw.home().resolve("data/hamster/p2p/p2p-gateway.key"));
            String multiaddr = "/ip4/127.0.0.1/tcp/" + p2pPort + "/p2p/" + peerId;
            AccountId dave = AccountId.of(KeyDerivation.pair("//Dave").publicKey());
            try (ChainClient chain = ChainClient.connect(URI.create("ws://127.0.0.1:" + RPC),
                    ChainClientOptions.defaults())) {
                // registered with the keystore account, on the bootstrap list, bond reserved
                GatewayInfo info = eventually("the gateway on chain", () -> gateway(chain, peerId)
                        .filter(g -> g.multiaddr().equals(multiaddr)).orElse(null));
                assertEquals(dave, info.owner());
                assertTrue(ChainClient.await(chain.market().bootstrapList()).contains(multiaddr));
                long registeredAt = info.registeredAt();
                long hb = eventually("a heartbeat", () -> later(chain, peerId, info.lastHeartbeat()));

                String token = Files.readString(gw.home().resolve("data/hamster/api.token")).strip();
                JsonNode status = rest("status", token);
                assertEquals(peerId, status.get("peerId").asText());
                assertEquals(multiaddr, status.get("publicAddress").asText());
                assertEquals(dave.ss58(), status.get("account").asText());
                assertEquals("REGISTERED", status.get("registration").get("state").asText());
                String settings = gw.client(SSH, "hamster:gateway-settings");
                assertTrue(settings.matches("(?s).*account\\s+gw\\R.*passwordFile\\s+/.*gateway\\.password.*"), settings);
                String refused = gw.client(SSH, "hamster:gateway-settings --set 'account=not a name'");
                assertTrue(refused.contains("account: 'not a name' is not a keystore account name"), refused);

                // the node dies: the gateway keeps relaying, says the chain is unreachable, stays registered
                node.kill9();
                eventually("the gateway to notice", () -> "CHAIN_UNREACHABLE".equals(rest("status", token)
                        .get("registration").get("state").asText()) ? true : null);
                assertTrue(Files.readString(gw.home().resolve("data/log/karaf.log")).contains("chain unreachable"));
                node.start();
                new Rpc(RPC).awaitUp(Duration.ofSeconds(120));
                try (ChainClient again = ChainClient.connect(URI.create("ws://127.0.0.1:" + RPC),
                        ChainClientOptions.defaults())) {
                    long after = eventually("a heartbeat after the restart", () -> later(again, peerId, hb));
                    GatewayInfo same = gateway(again, peerId).orElseThrow();
                    assertEquals(registeredAt, same.registeredAt(), "the same registration, not a new one");
                    assertTrue(after > hb);
                    eventually("the gateway to report it", () -> "REGISTERED".equals(rest("status", token)
                            .get("registration").get("state").asText()) ? true : null);

                    relayThrough(Multiaddr.parse(multiaddr), token);
                    String shell = gw.client(SSH, "hamster:gateway-status");
                    assertTrue(shell.contains(peerId) && shell.contains("REGISTERED"), shell);
                    String bw = gw.client(SSH, "hamster:gateway-bandwidth --history 3");
                    assertTrue(bw.contains("relayed through circuits"), bw);

                    // a clean stop takes it off the chain and returns the bond
                    BigInteger reserved = ChainClient.await(again.account(dave)).reserved();
                    assertTrue(reserved.signum() > 0);
                    gw.stop();
                    eventually("the deregistration", () -> gateway(again, peerId).isEmpty() ? true : null);
                    assertFalse(ChainClient.await(again.market().bootstrapList()).contains(multiaddr));
                    assertEquals(BigInteger.ZERO, ChainClient.await(again.account(dave)).reserved());
                }
            }
        }
    }

    /** Two peers in this JVM: the target reserves on the gateway, the source reaches it through the circuit. */
    private static void relayThrough(Multiaddr gateway, String token) throws Exception {
        Host target = Hosts.create(HostConfig.defaults(Identity.generate()));
        Host source = Hosts.create(HostConfig.defaults(Identity.generate()));
        try {
            target.setStreamHandler(StreamHandler.ECHO, StreamHandler.echo());
            Multiaddr circuit = target.listen(gateway.encapsulate(Multiaddr.parse("/p2p-circuit")))
                    .get(30, TimeUnit.SECONDS).withPeerId(target.peerId());
            Connection c = source.dial(circuit).get(30, TimeUnit.SECONDS);
            assertTrue(c.isRelayed());
            Stream s = c.newStream(StreamHandler.ECHO).get(30, TimeUnit.SECONDS);
            byte[] data = new byte[4 << 20];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31);
            }
            s.write(data);
            byte[] back = new byte[data.length];
            int got = 0;
            while (got < data.length) {
                byte[] chunk = s.read().get(30, TimeUnit.SECONDS);
                System.arraycopy(chunk, 0, back, got, chunk.length);
                got += chunk.length;
            }
            assertTrue(Arrays.equals(data, back), "byte-exact echo through the gateway");
            JsonNode circuits = rest("circuits", token);
            assertEquals(1, circuits.size(), circuits.toString());
            assertEquals(source.peerId().toString(), circuits.get(0).get("source").asText());
            assertEquals(target.peerId().toString(), circuits.get(0).get("target").asText());
            assertTrue(circuits.get(0).get("bytesToTarget").asLong() > data.length, circuits.toString());
            JsonNode peers = rest("peers", token);
            assertTrue(peers.toString().contains(target.peerId().toString()), peers.toString());
            eventually("the meter to see the bytes", () -> rest("bandwidth", token).get("totalIn").asLong()
                    > 2L * data.length ? true : null);
            assertTrue(rest("bandwidth", token).get("history").size() > 0);
            s.close();
        } finally {
            source.close();
            target.close();
        }
    }

    /** Keystore account gw = //Dave, fast heartbeats, the node at 127.0.0.1:{@code rpc}, test ports. */
    static void configureGateway(KarafProcess gw, int p2pPort, int rpc) throws Exception {
        Path home = gw.home();
        Keystore keystore = new Keystore(home.resolve("data/hamster/keystore"));
        keystore.importKey("gw", "//Dave", "gateway password");
        Path password = home.resolve("etc/gateway.password");
        Files.writeString(password, "gateway password\n");
        gw.config("org.hamster.gateway.cfg", "listenAddress", "/ip4/127.0.0.1/tcp/" + p2pPort);
        gw.config("org.hamster.gateway.cfg", "account", "gw");
        gw.config("org.hamster.gateway.cfg", "passwordFile", password.toString());
        gw.config("org.hamster.gateway.cfg", "heartbeatIntervalSeconds", "2");
        gw.config("org.hamster.gateway.cfg", "retrySeconds", "1");
        gw.config("org.hamster.chain.client.cfg", "url", "ws://127.0.0.1:" + rpc);
        gw.config("org.hamster.chain.client.cfg", "requestTimeoutMs", "3000");
        gw.config("org.hamster.chain.client.cfg", "maxReconnectDelayMs", "1000");
        gw.config("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(SSH));
        gw.config("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP));
        gw.config("org.apache.karaf.management.cfg", "rmiRegistryPort", "11100");
        gw.config("org.apache.karaf.management.cfg", "rmiServerPort", "44446");
    }

    private static Optional<GatewayInfo> gateway(ChainClient chain, String peerId) throws Exception {
        return ChainClient.await(chain.market().gateway(peerId));
    }

    /** The gateway's last heartbeat time if it is later than {@code than}, else null. */
    private static Long later(ChainClient chain, String peerId, long than) throws Exception {
        long t = gateway(chain, peerId).orElseThrow().lastHeartbeat();
        return t > than ? t : null;
    }

    private static JsonNode rest(String what, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = RestCalls.get("http://127.0.0.1:" + HTTP + "/hamster/api/gateway/" + what, token);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static <T> T eventually(String what, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T v = probe.call();
                if (v != null) {
                    return v;
                }
            } catch (Exception | AssertionError e) {
                last = e instanceof Exception x ? x : new Exception(e);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : ": " + last), last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The gateway creates its key file on first start. */
    private static final class IdentityFilesAwait {
        static String peerId(Path keyFile) throws Exception {
            return eventually("the gateway's identity", () -> Files.exists(keyFile)
                    ? IdentityFiles.load(keyFile).peerId().toString() : null);
        }
    }
}
