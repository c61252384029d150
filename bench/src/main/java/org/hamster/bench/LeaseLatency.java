package org.hamster.bench;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.chain.client.Market;
import org.hamster.common.Bytes;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Keystore;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.IdentityFiles;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerId;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.forward.ForwardLink;

/**
 * Order placed to SSH login on the development chain (instant seal): the node and provider assemblies run as
 * separate Karaf servers, the tenant orders one of the provider's resources and runs {@code ssh ... true} through
 * a {@link ForwardLink} until it succeeds. Each round uses a new resource (a resource holds one lease at a time).
 */
final class LeaseLatency {
    private static final int RPC = 19952;
    private static final int P2P = 19953;
    private final String backend;
    private final int rounds;

    LeaseLatency(String backend, int rounds) {
        this.backend = backend;
        this.rounds = rounds;
    }

    void run(Report report) throws Exception {
        Path node = copy("node");
        Path prov = copy("provider");
        try {
            Files.writeString(node.resolve("etc/org.hamster.rpc.cfg"), "port = " + RPC + "\n");
            start(node);
            configure(prov);
            start(prov);
            Ed25519.KeyPair bob = KeyDerivation.pair("//Bob");
            Ed25519.KeyPair charlie = KeyDerivation.pair("//Charlie");
            ChainClient chain = connect();
            Market market = chain.market();
            ChainClient.await(chain.signer().submitAndWaitInBlock(bob, market.calls().pledge(BigInteger.TEN.pow(15))));
            Path keyFile = prov.resolve("data/hamster/p2p/p2p-provider.key");
            PeerId provider = waitFor(() -> Files.exists(keyFile) ? IdentityFiles.load(keyFile).peerId() : null);
            H256 genesis = ChainClient.await(chain.genesisHash());
            Path key = keygen(Files.createTempDirectory("hamster-bench-tenant"));
            String pub = Files.readString(Path.of(key + ".pub")).strip();
            Host tenant = Hosts.create(HostConfig.defaults(Identity.generate()));
            tenant.addAddresses(provider, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/" + P2P)));
            List<Long> ms = new ArrayList<>();
            try {
                for (int i = 0; i < rounds; i++) {
                    ChainClient.await(chain.signer().submitAndWaitInBlock(bob, market.calls().registerResource(
                            provider.toString(), new ResourceConfig(1, 1, 1, utf8("Debian 12"), utf8("bench"), null,
                                    null), BigInteger.TEN.pow(12), 10)));
                    List<Resource> rs = ChainClient.await(market.resourcesOf(AccountId.of(bob.publicKey())));
                    long resource = rs.get(rs.size() - 1).id();
                    long t0 = System.nanoTime();
                    ChainClient.await(chain.signer().submitAndWaitInBlock(charlie, market.calls().createOrder(resource,
                            1, pub)));
                    RentalAgreement a = waitFor(() -> ChainClient.await(market.agreementsOf(AccountId.of(
                            charlie.publicKey()))).stream().filter(x -> x.resource() == resource
                                    && x.status() == AgreementStatus.USING).findFirst().orElse(null));
                    long agreed = (System.nanoTime() - t0) / 1_000_000;
                    int[] attempts = {0};
                    try (ForwardLink link = ForwardLink.open(tenant, provider, a.id(), charlie, genesis, 0)) {
                        waitFor(() -> {
                            attempts[0]++;
                            return ssh(key, link.port()) ? true : null;
                        });
                    }
                    ms.add((System.nanoTime() - t0) / 1_000_000);
                    System.err.printf("lease %s round %d: %d ms (agreement after %d ms, %d ssh attempts)%n", backend,
                            i + 1, ms.get(ms.size() - 1), agreed, attempts[0]);
                }
            } finally {
                tenant.close();
                chain.close();
            }
            List<Long> sorted = ms.stream().sorted().toList();
            report.row("order placed to SSH login (" + backend + ", dev instant seal, " + rounds + " leases, ssh `true`"
                    + " through the forward protocol)", String.format("median %d ms, min %d ms, max %d ms",
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1)),
                    backend.equals("docker") ? "< 5 s" : "< 20 s");
        } finally {
            for (Path home : List.of(prov, node)) {
                new ProcessBuilder("pkill", "-9", "-f", "karaf.home=" + home).start().waitFor(10, TimeUnit.SECONDS);
            }
            cleanMachines();
            TxThroughput.deleteTree(node);
            TxThroughput.deleteTree(prov);
        }
    }

    private void configure(Path prov) throws Exception {
        new Keystore(prov.resolve("data/hamster/keystore")).importKey("prov", "//Bob", "bench");
        Path pw = prov.resolve("etc/provider.password");
        Files.writeString(pw, "bench\n");
        Files.writeString(prov.resolve("etc/org.hamster.provider.cfg"), String.join("\n", "account = prov",
                "passwordFile = " + pw, "backend = " + backend, "listenAddress = /ip4/127.0.0.1/tcp/" + P2P,
                "useGateways = false", "reconcileSeconds = 5", "sshPortFrom = 23300", "sshPortTo = 23399", ""));
        Files.writeString(prov.resolve("etc/org.hamster.chain.client.cfg"), "url = ws://127.0.0.1:" + RPC + "\n");
        Files.writeString(prov.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = 18113\nsshHost = 127.0.0.1\n"
                + "hostKey = ${karaf.etc}/host.key\n");
        Files.writeString(prov.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = 18193\n"
                + "org.ops4j.pax.web.listening.addresses = 127.0.0.1\n");
        Files.writeString(prov.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryHost = 127.0.0.1\n"
                + "rmiRegistryPort = 11111\nrmiServerHost = 127.0.0.1\nrmiServerPort = 44457\n");
        if (backend.equals("kvm")) { // the backend's default image location, built (or found cached) first
            Process b = new ProcessBuilder("tools/images/build-vm", "--out", "/var/lib/hamster/images/vm")
                    .inheritIO().start();
            if (b.waitFor() != 0) {
                throw new IllegalStateException("tools/images/build-vm failed");
            }
        }
        if (!backend.equals("docker")) {
            // the provider assembly boots the Docker backend; the other one is a feature away
            Files.writeString(prov.resolve("etc/org.apache.karaf.features.cfg"), Files.readString(prov.resolve(
                    "etc/org.apache.karaf.features.cfg")).replace("hamster-backend-docker", "hamster-backend-" + backend));
        }
    }

    private static Path copy(String role) throws Exception {
        Path assembly = Path.of("assemblies/" + role + "/target/assembly").toAbsolutePath();
        if (!Files.isDirectory(assembly)) {
            throw new IllegalStateException("build the " + role + " assembly first (bench/run does): " + assembly);
        }
        Path home = Files.createTempDirectory("hamster-bench-" + role);
        new ProcessBuilder("cp", "-a", assembly + "/.", home.toString()).inheritIO().start().waitFor();
        return home;
    }

    private static void start(Path home) throws Exception {
        new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile()).start();
    }

    private static ChainClient connect() throws Exception {
        return waitFor(() -> {
            try {
                return ChainClient.connect(URI.create("ws://127.0.0.1:" + RPC), ChainClientOptions.defaults());
            } catch (Exception e) {
                return null;
            }
        });
    }

    private static boolean ssh(Path key, int port) throws Exception {
        Process p = new ProcessBuilder("ssh", "-i", key.toString(), "-p", String.valueOf(port), "-o",
                "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o",
                "ConnectTimeout=5", "-o", "LogLevel=ERROR", "root@127.0.0.1", "true").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static Path keygen(Path dir) throws Exception {
        Path key = dir.resolve("id_ed25519");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed");
        }
        return key;
    }

    private void cleanMachines() throws Exception {
        List<String> cmd = backend.equals("docker")
                ? List.of("sh", "-c", "/usr/bin/docker ps -aq --filter label=org.hamster.lease | xargs -r /usr/bin/docker rm -f")
                : List.of("sh", "-c", "for d in $(virsh -c qemu:///system list --all --name | grep '^hamster-'); do "
                        + "virsh -c qemu:///system destroy $d; virsh -c qemu:///system undefine $d; done");
        new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
    }

    private static Bytes utf8(String s) {
        return Bytes.of(s.getBytes(StandardCharsets.UTF_8));
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T waitFor(Probe<T> probe) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < end) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }
}
