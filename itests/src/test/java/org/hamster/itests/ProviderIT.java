package org.hamster.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.chain.client.Market;
import org.hamster.chain.client.TxInBlock;
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
import org.junit.jupiter.api.Test;

/**
 * A node assembly and a provider assembly as separate Karaf servers, with real machines: the provider registers its
 * resource, a tenant orders, the provider creates the machine on the backend and executes the order, the tenant logs
 * in with the real ssh client through the forward protocol; a kill -9 of the provider mid-lease is reconciled
 * (the machine is adopted, not recreated, and the lease is not punished); at expiry the machine is removed.
 */
class ProviderIT {
    static final int RPC = 19951;
    static final int SSH = 18103;
    static final int HTTP = 18183;
    static final long HOUR_MS = 40_000;

    @Test
    void dockerLease() throws Exception {
        lease("docker");
    }

    /**
     * Six leases at once on one provider: the orders land in the same blocks, every machine runs, the tenant logs in
     * to each (six different machines), every lease is heartbeated, and all end FINISHED with their machines gone.
     */
    @Test
    void manyConcurrentLeases() throws Exception {
        int n = 6;
        Path base = Path.of("target/provider-it-many").toAbsolutePath();
        try (KarafProcess node = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                base.resolve("node"));
                KarafProcess prov = KarafProcess.unpack(Path.of(System.getProperty("hamster.provider.zip")),
                        base.resolve("provider"))) {
            startNode(node);
            int p2p = freePort();
            configure(prov, "docker", p2p);
            new Rpc(RPC).awaitUp(Duration.ofSeconds(120));
            Ed25519.KeyPair bob = KeyDerivation.pair("//Bob");
            Ed25519.KeyPair charlie = KeyDerivation.pair("//Charlie");
            AccountId bobId = AccountId.of(bob.publicKey());
            try (ChainClient chain = ChainClient.connect(URI.create("ws://127.0.0.1:" + RPC),
                    ChainClientOptions.defaults())) {
                Market market = chain.market();
                BigInteger ham = BigInteger.TEN.pow(12);
                pledgeAndStart(chain, prov);
                PeerId providerId = providerId(prov);
                List<CompletableFuture<TxInBlock>> more = new ArrayList<>();
                for (int i = 1; i < n; i++) {
                    more.add(chain.signer().submitAndWaitInBlock(bob, market.calls().registerResource(
                            providerId.toString(), new ResourceConfig(1, 1, 1, utf8("Debian 12"), utf8("it"), null,
                                    null), ham, 100)));
                }
                for (CompletableFuture<TxInBlock> f : more) {
                    ChainClient.await(f);
                }
                List<Resource> resources = ChainClient.await(market.resourcesOf(bobId));
                assertEquals(n, resources.size());
                Path key = SshLink.keygen(base.resolve("tenant"));
                String pub = Files.readString(Path.of(key + ".pub")).strip();
                List<CompletableFuture<TxInBlock>> orders = new ArrayList<>();
                for (Resource r : resources) {
                    orders.add(chain.signer().submitAndWaitInBlock(charlie, market.calls().createOrder(r.id(), 1,
                            pub)));
                }
                for (CompletableFuture<TxInBlock> f : orders) {
                    ChainClient.await(f);
                }
                AccountId charlieId = AccountId.of(charlie.publicKey());
                List<RentalAgreement> leases = eventually("all " + n + " agreements", () -> {
                    List<RentalAgreement> using = ChainClient.await(market.agreementsOf(charlieId)).stream()
                            .filter(a -> a.status() == AgreementStatus.USING).toList();
                    return using.size() == n ? using : null;
                });
                H256 genesis = ChainClient.await(chain.genesisHash());
                Host tenant = Hosts.create(HostConfig.defaults(Identity.generate()));
                tenant.addAddresses(providerId, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/" + p2p)));
                Set<String> machines = new HashSet<>();
                try {
                    for (RentalAgreement a : leases) {
                        try (SshLink link = new SshLink(tenant, providerId, a.id(), charlie, genesis)) {
                            machines.add(link.ssh(key, "hostname").strip());
                        }
                    }
                } finally {
                    tenant.close();
                }
                assertEquals(n, machines.size(), "one machine per lease: " + machines);
                eventually("a heartbeat on every lease", () -> ChainClient.await(market.agreementsOf(charlieId))
                        .stream().allMatch(a -> a.lastHeartbeat() > a.start()) ? true : null);
                List<RentalAgreement> done = eventually("the end of every lease", () -> {
                    List<RentalAgreement> all = ChainClient.await(market.agreementsOf(charlieId));
                    return all.stream().allMatch(a -> a.status() != AgreementStatus.USING) ? all : null;
                });
                assertTrue(done.stream().allMatch(a -> a.status() == AgreementStatus.FINISHED), done.toString());
                for (RentalAgreement a : done) {
                    eventually("the machine of order " + a.order() + " to be removed", () -> machineId("docker",
                            providerId, a.order()).isEmpty() ? true : null);
                }
            }
        }
    }

    /**
     * A provider reached only through a gateway: the gateway registers on chain, the provider reserves a slot on
     * every gateway of the bootstrap list, and the tenant logs in through the circuit
     * {@code /ip4/.../p2p/<gateway>/p2p-circuit/p2p/<provider>}.
     */
    @Test
    void leaseThroughAGateway() throws Exception {
        Path base = Path.of("target/provider-it-gateway").toAbsolutePath();
        try (KarafProcess node = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                base.resolve("node"));
                KarafProcess gw = KarafProcess.unpack(Path.of(System.getProperty("hamster.gateway.zip")),
                        base.resolve("gateway"));
                KarafProcess prov = KarafProcess.unpack(Path.of(System.getProperty("hamster.provider.zip")),
                        base.resolve("provider"))) {
            startNode(node);
            int gwPort = freePort();
            GatewayIT.configureGateway(gw, gwPort, RPC);
            configure(prov, "docker", freePort());
            prov.config("org.hamster.provider.cfg", "useGateways", "true");
            new Rpc(RPC).awaitUp(Duration.ofSeconds(120));
            gw.start();
            Ed25519.KeyPair bob = KeyDerivation.pair("//Bob");
            Ed25519.KeyPair charlie = KeyDerivation.pair("//Charlie");
            AccountId bobId = AccountId.of(bob.publicKey());
            try (ChainClient chain = ChainClient.connect(URI.create("ws://127.0.0.1:" + RPC),
                    ChainClientOptions.defaults())) {
                Market market = chain.market();
                String gateway = eventually("the gateway on the bootstrap list", () -> {
                    List<String> list = ChainClient.await(market.bootstrapList());
                    return list.isEmpty() ? null : list.get(0);
                });
                ChainClient.await(chain.signer().submitAndWaitInBlock(bob, market.calls().pledge(BigInteger.TEN
                        .pow(14))));
                prov.start();
                Resource resource = firstResource(market, bobId);
                PeerId providerId = providerId(prov);
                Multiaddr circuit = Multiaddr.parse(gateway).encapsulate(Multiaddr.parse("/p2p-circuit"))
                        .withPeerId(providerId);
                eventually("the provider's reservation on the gateway", () -> Files.readString(prov.home()
                        .resolve("data/log/karaf.log")).contains("reachable through") ? true : null);
                Path key = SshLink.keygen(base.resolve("tenant"));
                RentalAgreement a = order(chain, charlie, resource.id(), 1, Files.readString(Path.of(key + ".pub"))
                        .strip());
                Host tenant = Hosts.create(HostConfig.defaults(Identity.generate()));
                try (SshLink link = new SshLink(tenant, providerId, a.id(), charlie, ChainClient.await(
                        chain.genesisHash()))) {
                    tenant.addAddresses(providerId, List.of(circuit)); // no direct address: only the circuit
                    String out = link.ssh(key, "echo through-the-gateway");
                    assertTrue(out.contains("through-the-gateway"), out);
                    assertTrue(tenant.connections(providerId).stream().allMatch(c -> c.isRelayed()),
                            "the tenant reached the provider through the gateway only");
                } finally {
                    tenant.close();
                }

                // the gateway goes away and comes back: the provider reserves again, tenants get in through it again
                Path log = prov.home().resolve("data/log/karaf.log");
                long reservations = reservations(log);
                gw.kill9();
                gw.start();
                eventually("the provider's reservation on the restarted gateway", () -> reservations(log)
                        > reservations ? true : null);
                Host again = Hosts.create(HostConfig.defaults(Identity.generate()));
                try (SshLink link = new SshLink(again, providerId, a.id(), charlie, ChainClient.await(
                        chain.genesisHash()))) {
                    again.addAddresses(providerId, List.of(circuit));
                    assertTrue(link.ssh(key, "echo after-the-restart").contains("after-the-restart"));
                } finally {
                    again.close();
                    removeMachines(providerId.toString()); // the lease outlives the test
                }
            }
        }
    }

    /**
     * Hot swap on a running provider: a Docker lease runs; the KVM backend is installed and made the one for new
     * leases, and a second order gets a virtual machine (QEMU TCG) that the tenant logs in to; the Docker backend is
     * uninstalled while its lease runs out: its machine is left alone, and removed once the backend is back.
     */
    @Test
    void kvmLeaseAndBackendHotSwap() throws Exception {
        Path base = Path.of("target/provider-it-swap").toAbsolutePath();
        Path images = Path.of("/var/tmp/hamster/images/vm");
        run(List.of(Path.of("../tools/images/build-vm").toAbsolutePath().toString(), "--out", images.toString()));
        try (KarafProcess node = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                base.resolve("node"));
                KarafProcess prov = KarafProcess.unpack(Path.of(System.getProperty("hamster.provider.zip")),
                        base.resolve("provider"))) {
            startNode(node);
            int p2p = freePort();
            configure(prov, "docker", p2p);
            Files.writeString(prov.home().resolve("etc/org.hamster.backend.kvm.cfg"), String.join("\n",
                    "domainType = qemu", "kernel = " + images.resolve("vmlinuz"), "initrd = " + images.resolve(
                            "initrd.gz"), "stateDir = /var/tmp/hamster/kvm-provider-it", ""));
            new Rpc(RPC).awaitUp(Duration.ofSeconds(120));
            Ed25519.KeyPair bob = KeyDerivation.pair("//Bob");
            Ed25519.KeyPair charlie = KeyDerivation.pair("//Charlie");
            AccountId bobId = AccountId.of(bob.publicKey());
            try (ChainClient chain = ChainClient.connect(URI.create("ws://127.0.0.1:" + RPC),
                    ChainClientOptions.defaults())) {
                Market market = chain.market();
                ChainClient.await(chain.signer().submitAndWaitInBlock(bob, market.calls().pledge(BigInteger.TEN
                        .pow(14))));
                prov.start();
                Resource first = firstResource(market, bobId);
                PeerId providerId = providerId(prov);
                Path key = SshLink.keygen(base.resolve("tenant"));
                String pub = Files.readString(Path.of(key + ".pub")).strip();
                H256 genesis = ChainClient.await(chain.genesisHash());
                Host tenant = Hosts.create(HostConfig.defaults(Identity.generate()));
                tenant.addAddresses(providerId, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/" + p2p)));
                try {
                    // lease A on Docker, 1 hour
                    RentalAgreement a = order(chain, charlie, first.id(), 1, pub);
                    try (SshLink link = new SshLink(tenant, providerId, a.id(), charlie, genesis)) {
                        assertTrue(link.ssh(key, "echo on-docker").contains("on-docker"));
                    }
                    String container = machineId("docker", providerId, a.order());
                    assertTrue(!container.isEmpty());

                    // the KVM backend comes in and takes new leases; lease B gets a virtual machine
                    prov.client(SSH, "feature:install --no-auto-refresh hamster-backend-kvm");
                    prov.client(SSH, "config:property-set -p org.hamster.provider backend kvm");
                    ChainClient.await(chain.signer().submitAndWaitInBlock(bob, market.calls().registerResource(
                            providerId.toString(), first.config(), first.pricePerHour(), 100)));
                    Resource second = eventually("the second resource", () -> ChainClient.await(
                            market.resourcesOf(bobId)).stream().filter(r -> r.id() != first.id()).findFirst()
                            .orElse(null));
                    long t0 = System.nanoTime();
                    RentalAgreement b = order(chain, charlie, second.id(), 2, pub);
                    try (SshLink link = new SshLink(tenant, providerId, b.id(), charlie, genesis)) {
                        String out = link.ssh(key, "cat /proc/cpuinfo | grep -c ^processor; uname -r");
                        System.out.printf("ProviderIT[kvm]: order placed to ssh output in %d ms%n",
                                (System.nanoTime() - t0) / 1_000_000);
                        assertTrue(out.contains("amd64"), out); // the Debian kernel of the VM image
                    }
                    assertTrue(!machineId("kvm", providerId, b.order()).isEmpty());

                    // Docker goes away while lease A runs out: its container is left alone ...
                    prov.client(SSH, "feature:uninstall --no-auto-refresh hamster-backend-docker");
                    eventually("the end of lease A", () -> ChainClient.await(market.agreement(a.id()))
                            .filter(x -> x.status() != AgreementStatus.USING).orElse(null));
                    Thread.sleep(3_000);
                    assertEquals(container, machineId("docker", providerId, a.order()), "not torn down blind");
                    // ... and removed once the backend is back
                    prov.client(SSH, "feature:install --no-auto-refresh hamster-backend-docker");
                    eventually("lease A's container to go", () -> machineId("docker", providerId, a.order())
                            .isEmpty() ? true : null);
                    eventually("the end of lease B and its VM", () -> machineId("kvm", providerId, b.order())
                            .isEmpty() ? true : null);
                    assertEquals(AgreementStatus.FINISHED, ChainClient.await(market.agreement(b.id())).orElseThrow()
                            .status());
                } finally {
                    tenant.close();
                }
            }
        }
    }

    static RentalAgreement order(ChainClient chain, Ed25519.KeyPair tenant, long resource, long hours,
            String pub) throws Exception {
        Market market = chain.market();
        ChainClient.await(chain.signer().submitAndWaitInBlock(tenant, market.calls().createOrder(resource, hours,
                pub)));
        return eventually("the agreement on resource " + resource, () -> ChainClient.await(market.agreementsOf(
                AccountId.of(tenant.publicKey()))).stream().filter(x -> x.resource() == resource
                        && x.status() == AgreementStatus.USING).findFirst().orElse(null));
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + out);
        }
    }

    private void lease(String backend) throws Exception {
        Path base = Path.of("target/provider-it-" + backend).toAbsolutePath();
        try (KarafProcess node = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                base.resolve("node"));
                KarafProcess prov = KarafProcess.unpack(Path.of(System.getProperty("hamster.provider.zip")),
                        base.resolve("provider"))) {
            startNode(node);
            int p2p = freePort();
            configure(prov, backend, p2p);
            new Rpc(RPC).awaitUp(Duration.ofSeconds(120));
            Ed25519.KeyPair charlie = KeyDerivation.pair("//Charlie");
            try (ChainClient chain = ChainClient.connect(URI.create("ws://127.0.0.1:" + RPC),
                    ChainClientOptions.defaults())) {
                Market market = chain.market();
                Resource resource = pledgeAndStart(chain, prov);
                Path key = SshLink.keygen(base.resolve("tenant"));
                String pub = Files.readString(Path.of(key + ".pub")).strip();
                long t0 = System.nanoTime();
                ChainClient.await(chain.signer().submitAndWaitInBlock(charlie, market.calls().createOrder(
                        resource.id(), 3, pub)));
                RentalAgreement a = eventually("the agreement", () -> ChainClient.await(market.agreementsOf(
                        AccountId.of(charlie.publicKey()))).stream().filter(x -> x.status() == AgreementStatus.USING)
                        .findFirst().orElse(null));
                PeerId providerId = providerId(prov);
                H256 genesis = ChainClient.await(chain.genesisHash());
                Host tenant = Hosts.create(HostConfig.defaults(Identity.generate()));
                try (SshLink link = new SshLink(tenant, providerId, a.id(), charlie, genesis)) {
                    tenant.addAddresses(providerId, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/" + p2p)));
                    String out = link.ssh(key, "echo hello-from-the-lease; cat /proc/self/cgroup | head -1");
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    System.out.printf("ProviderIT[%s]: order placed to ssh output in %d ms%n", backend, ms);
                    assertTrue(out.contains("hello-from-the-lease"), out);

                    // the tenant renews for an hour: the provider executes the renewal, the end moves
                    ChainClient.await(chain.signer().submitAndWaitInBlock(charlie, market.calls().renew(a.id(), 1)));
                    RentalAgreement renewed = eventually("the renewal", () -> ChainClient.await(market.agreement(
                            a.id())).filter(x -> x.end() > a.end()).orElse(null));
                    assertEquals(a.end() + HOUR_MS, renewed.end());

                    // kill -9 mid-lease: the restarted provider adopts the machine and keeps heartbeating
                    String before = machineId(backend, providerId, a.order());
                    prov.kill9();
                    prov.start();
                    eventually("ssh after the restart", () -> {
                        try {
                            return link.ssh(key, "echo again").contains("again") ? true : null;
                        } catch (java.io.IOException e) {
                            return null;
                        }
                    });
                    assertEquals(before, machineId(backend, providerId, a.order()), "adopted, not recreated");

                    // expiry: the chain finishes the agreement (not punished), the machine goes away
                    RentalAgreement done = eventually("the end of the lease", () -> ChainClient.await(
                            market.agreement(a.id())).filter(x -> x.status() != AgreementStatus.USING).orElse(null));
                    assertEquals(AgreementStatus.FINISHED, done.status(), "no penalty after the restart");
                    eventually("the machine to be removed", () -> machineId(backend, providerId, a.order()).isEmpty()
                            ? true : null);
                } finally {
                    tenant.close();
                }
            }
        }
    }

    /** The node with the short-hour chain spec (1 s blocks) on port {@link #RPC}. */
    static void startNode(KarafProcess node) throws Exception {
        Path spec = ChainSpecs.shortHours(node.home(), "Hamster Provider IT", HOUR_MS, 30_000, 10_000);
        node.config("org.hamster.rpc.cfg", "port", String.valueOf(RPC));
        node.config("org.hamster.chain.runtime.cfg", "chainSpec", spec.toString());
        node.config("org.hamster.chain.runtime.cfg", "blockTimeMs", "1000");
        node.start();
    }

    /** //Bob pledges 100 HAM, then the provider starts; returns the resource it registers. */
    private static Resource pledgeAndStart(ChainClient chain, KarafProcess prov) throws Exception {
        Ed25519.KeyPair bob = KeyDerivation.pair("//Bob");
        ChainClient.await(chain.signer().submitAndWaitInBlock(bob, chain.market().calls().pledge(BigInteger.TEN
                .pow(14))));
        prov.start();
        return firstResource(chain.market(), AccountId.of(bob.publicKey()));
    }

    /** The first resource {@code owner} has on chain, once there is one. */
    static Resource firstResource(Market market, AccountId owner) throws Exception {
        return eventually("the provider's resource", () -> {
            List<Resource> rs = ChainClient.await(market.resourcesOf(owner));
            return rs.isEmpty() ? null : rs.get(0);
        });
    }

    /** The provider's peer id, from the identity key it creates on first start. */
    private static PeerId providerId(KarafProcess prov) throws Exception {
        return eventually("the provider's identity", () -> {
            Path f = prov.home().resolve("data/hamster/p2p/p2p-provider.key");
            return Files.exists(f) ? IdentityFiles.load(f).peerId() : null;
        });
    }

    static void configure(KarafProcess prov, String backend, int p2p) throws Exception {
        Path home = prov.home();
        new Keystore(home.resolve("data/hamster/keystore")).importKey("prov", "//Bob", "provider password");
        Path password = home.resolve("etc/provider.password");
        Files.writeString(password, "provider password\n");
        prov.config("org.hamster.provider.cfg", "account", "prov");
        prov.config("org.hamster.provider.cfg", "passwordFile", password.toString());
        prov.config("org.hamster.provider.cfg", "backend", backend);
        prov.config("org.hamster.provider.cfg", "listenAddress", "/ip4/127.0.0.1/tcp/" + p2p);
        prov.config("org.hamster.provider.cfg", "useGateways", "false");
        prov.config("org.hamster.provider.cfg", "cpus", "1");
        prov.config("org.hamster.provider.cfg", "memoryGiB", "1");
        prov.config("org.hamster.provider.cfg", "pricePerHour", "1");
        prov.config("org.hamster.provider.cfg", "rentableHours", "100");
        prov.config("org.hamster.provider.cfg", "reconcileSeconds", "1");
        prov.config("org.hamster.provider.cfg", "heartbeatIntervalSeconds", "3");
        prov.config("org.hamster.provider.cfg", "sshPortFrom", "23100");
        prov.config("org.hamster.provider.cfg", "sshPortTo", "23199");
        prov.config("org.hamster.chain.client.cfg", "url", "ws://127.0.0.1:" + RPC);
        prov.config("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(SSH));
        prov.config("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP));
        prov.config("org.apache.karaf.management.cfg", "rmiRegistryPort", "11101");
        prov.config("org.apache.karaf.management.cfg", "rmiServerPort", "44447");
    }

    /** The backend's id of the machine of {@code provider}'s lease of {@code order}, "" if it has none. */
    static String machineId(String backend, PeerId provider, long order) throws Exception {
        String lease = scope(provider.toString()) + "-order-" + order; // how the provider names its machines
        if (backend.equals("docker")) {
            for (String line : output("/usr/bin/docker", "ps", "-a", "--no-trunc", "--filter",
                    "label=org.hamster.lease=" + lease, "--format", "{{.ID}}").lines().toList()) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
            return "";
        }
        for (String name : output("virsh", "-c", "qemu:///system", "list", "--all", "--name").lines().toList()) {
            if (name.equals("hamster-" + lease)) {
                return output("virsh", "-c", "qemu:///system", "domuuid", name);
            }
        }
        return "";
    }

    /** The end of a provider's peer id that its machines' names start with. */
    private static String scope(String peerId) {
        return peerId.substring(Math.max(0, peerId.length() - 8));
    }

    /** Removes the Docker machines of the provider {@code peerId} (named after its scope, the end of the id). */
    static void removeMachines(String peerId) throws Exception {
        String scope = scope(peerId) + "-order-";
        for (String line : output("/usr/bin/docker", "ps", "-a", "--no-trunc", "--filter", "label=org.hamster.lease",
                "--format", "{{.ID}} {{.Label \"org.hamster.lease\"}}").lines().toList()) {
            String[] f = line.split(" ");
            if (f.length == 2 && f[1].startsWith(scope)) {
                output("/usr/bin/docker", "rm", "-f", f[0]);
            }
        }
    }

    /** A command's standard output, stripped ("" if it failed). */
    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        return p.exitValue() == 0 ? out : "";
    }

    static <T> T eventually(String what, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T v = probe.call();
                if (v != null) {
                    return v;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : ": " + last), last);
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** How often the provider has reserved a slot on a gateway so far (its log's "reserved on" lines). */
    private static long reservations(Path log) throws java.io.IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("p2p relay: reserved on")).count();
    }

    private static Bytes utf8(String s) {
        return Bytes.of(s.getBytes(StandardCharsets.UTF_8));
    }
}
