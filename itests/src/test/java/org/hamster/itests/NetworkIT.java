package org.hamster.itests;

import static org.hamster.itests.ProviderIT.eventually;
import static org.hamster.itests.ProviderIT.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.chain.client.Market;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Keystore;
import org.hamster.p2p.IdentityFiles;
import org.hamster.p2p.PeerId;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.junit.jupiter.api.Test;

/**
 * The whole network as separate Karaf servers: a node, two gateways, a provider (Docker) and a client. The provider
 * runs in a network namespace of its own, "behind NAT": it reaches the node and the gateways at the host's side of a
 * veth pair, but nothing reaches its listen address (its own 127.0.0.1), so the client's link must go through a
 * gateway. The tenant buys with {@code hamster:buy}, links with {@code hamster:link} and logs in with the real
 * {@code ssh} client; then the gateway it used is killed, and the next connection goes through the other one.
 */
class NetworkIT {
    private static final int RPC = 19961;
    private static final int CLIENT_SSH = 18104;
    private static final long HOUR_MS = 120_000;
    private static final Pattern PORT = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern ORDER = Pattern.compile("Order (\\d+):");

    @Test
    void rentThroughAGatewayAndFailOverToAnother() throws Exception {
        Path base = Path.of("target/network-it").toAbsolutePath();
        try {
            network(base);
        } finally { // the lease outlives the test: its machine goes with it
            try (var files = Files.isDirectory(base.resolve("provider")) ? Files.walk(base.resolve("provider"))
                    : java.util.stream.Stream.<Path>empty()) {
                for (Path id : files.filter(f -> f.endsWith("data/hamster/p2p/p2p-provider.key")).toList()) {
                    ProviderIT.removeMachines(IdentityFiles.load(id).peerId().toString());
                }
            }
        }
    }

    private void network(Path base) throws Exception {
        try (Netns ns = Netns.create("hamster-it-prov", 1);
                KarafProcess node = unpack("node", base);
                KarafProcess gw1 = unpack("gateway", base.resolve("1"));
                KarafProcess gw2 = unpack("gateway", base.resolve("2"));
                KarafProcess prov = unpack("provider", base).in(ns);
                KarafProcess client = unpack("client", base)) {
            String host = ns.hostAddress();
            String chainUrl = "ws://" + host + ":" + RPC;
            Path spec = ChainSpecs.shortHours(node.home(), "Hamster Network IT", HOUR_MS, 60_000, 20_000);
            node.config("org.hamster.rpc.cfg", "host", host);
            node.config("org.hamster.rpc.cfg", "port", String.valueOf(RPC));
            node.config("org.hamster.chain.runtime.cfg", "chainSpec", spec.toString());
            node.config("org.hamster.chain.runtime.cfg", "blockTimeMs", "1000");
            node.start();
            gateway(gw1, host, "//Dave", 18121, chainUrl);
            gateway(gw2, host, "//Eve", 18122, chainUrl);
            ProviderIT.configure(prov, "docker", 4002); // its own 127.0.0.1:4002, unreachable from the host
            prov.config("org.hamster.provider.cfg", "useGateways", "true");
            prov.config("org.hamster.chain.client.cfg", "url", chainUrl);
            Path key = SshLink.keygen(base.resolve("tenant"));
            configureClient(client, chainUrl, key);

            Ed25519.KeyPair bob = KeyDerivation.pair("//Bob");
            try (ChainClient chain = eventually("the node", () -> ChainClient.connect(URI.create(chainUrl),
                    ChainClientOptions.defaults()))) {
                Market market = chain.market();
                gw1.start();
                gw2.start();
                List<String> gateways = eventually("both gateways on the bootstrap list", () -> {
                    List<String> list = ChainClient.await(market.bootstrapList());
                    return list.size() == 2 ? list : null;
                });
                String gw1Peer = peerId(gw1, "gateway").toString();
                String gw2Peer = peerId(gw2, "gateway").toString();
                assertTrue(gateways.stream().anyMatch(g -> g.endsWith(gw1Peer)), gateways.toString());
                client.config("org.hamster.client.cfg", "preferredGateways", gw1Peer);
                ChainClient.await(chain.signer().submitAndWaitInBlock(bob, market.calls().pledge(BigInteger.TEN
                        .pow(14))));
                prov.start();
                client.start();
                Resource resource = ProviderIT.firstResource(market, AccountId.of(bob.publicKey()));
                Path provLog = prov.home().resolve("data/log/karaf.log");
                eventually("the provider's reservations on both gateways", () -> Files.exists(provLog)
                        && Files.readAllLines(provLog).stream().filter(l -> l.contains("reachable through"))
                                .count() >= 2 ? true : null);

                String market0 = eventually("the resource in hamster:market", () -> {
                    String out = client.client(CLIENT_SSH, "hamster:market");
                    return out.contains(bob.address()) ? out : null;
                });
                String bought = client.client(CLIENT_SSH, "hamster:buy " + resource.id() + " 2");
                Matcher order = ORDER.matcher(bought);
                assertTrue(order.find(), market0 + "\n" + bought);
                AccountId charlie = AccountId.of(KeyDerivation.pair("//Charlie").publicKey());
                RentalAgreement a = eventually("the agreement", () -> ChainClient.await(market.agreementsOf(
                        charlie)).stream().filter(x -> x.status() == AgreementStatus.USING).findFirst()
                        .orElse(null));
                assertEquals(Long.parseLong(order.group(1)), a.order());
                String orders = client.client(CLIENT_SSH, "hamster:orders");
                assertTrue(orders.contains("COMPLETED") || orders.contains("Completed"), orders);

                String linked = client.client(CLIENT_SSH, "hamster:link " + a.id());
                Matcher port = PORT.matcher(linked);
                assertTrue(port.find(), linked);
                int local = Integer.parseInt(port.group(1));
                assertTrue(linked.contains("ssh "), linked);
                String out = SshLink.ssh(key, local, "echo through-the-gateway; hostname");
                assertTrue(out.contains("through-the-gateway"), out);
                String links = client.client(CLIENT_SSH, "hamster:links");
                assertTrue(links.contains("RELAYED") && links.contains(gw1Peer), links);

                gw1.kill9();
                String again = SshLink.ssh(key, local, "echo after-the-failover");
                assertTrue(again.contains("after-the-failover"), again);
                String after = client.client(CLIENT_SSH, "hamster:links");
                assertTrue(after.contains("RELAYED") && after.contains(gw2Peer), after);
            }
        }
    }

    private static KarafProcess unpack(String role, Path base) throws Exception {
        return KarafProcess.unpack(Path.of(System.getProperty("hamster." + role + ".zip")), base.resolve(role));
    }

    private static void gateway(KarafProcess gw, String host, String uri, int sshPort, String chainUrl)
            throws Exception {
        int p2p = freePort();
        GatewayIT.configureGateway(gw, p2p, RPC);
        Path home = gw.home();
        new Keystore(home.resolve("data/hamster/keystore")).importKey("gw2", uri, "gateway password");
        gw.config("org.hamster.gateway.cfg", "account", "gw2");
        gw.config("org.hamster.gateway.cfg", "listenAddress", "/ip4/" + host + "/tcp/" + p2p);
        gw.config("org.hamster.gateway.cfg", "heartbeatIntervalSeconds", "10");
        gw.config("org.hamster.chain.client.cfg", "url", chainUrl);
        gw.config("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        gw.config("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(freePort()));
        gw.config("org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
        gw.config("org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
    }

    private static void configureClient(KarafProcess client, String chainUrl, Path key) throws Exception {
        Path home = client.home();
        new Keystore(home.resolve("data/hamster/keystore")).importKey("tenant", "//Charlie", "tenant password");
        Path password = home.resolve("etc/tenant.password");
        Files.writeString(password, "tenant password\n");
        client.config("org.hamster.client.cfg", "account", "tenant");
        client.config("org.hamster.client.cfg", "passwordFile", password.toString());
        client.config("org.hamster.client.cfg", "sshPublicKey", key + ".pub");
        client.config("org.hamster.client.cfg", "sshPrivateKeyPath", key.toString());
        client.config("org.hamster.chain.client.cfg", "url", chainUrl);
        client.config("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(CLIENT_SSH));
        client.config("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(freePort()));
        client.config("org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
        client.config("org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
    }

    /** A role's libp2p peer id, from the identity key it makes on first start. */
    private static PeerId peerId(KarafProcess k, String role) throws Exception {
        return eventually("the " + role + "'s identity", () -> {
            Path f = k.home().resolve("data/hamster/p2p/p2p-" + role + ".key");
            return Files.exists(f) ? IdentityFiles.load(f).peerId() : null;
        });
    }
}
