package org.hamster.client.internal.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.client.LinkView;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.RelayConfig;
import org.hamster.p2p.Stream;
import org.hamster.forward.ForwardRequest;
import org.hamster.forward.ForwardStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Links between real libp2p hosts on loopback: two gateways (circuit relay hops), a provider serving the forward
 * protocol with an echo machine, and the client's links. Direct when the provider can be reached, through the
 * first gateway when not, through the second when the first dies; bytes arrive intact every time.
 */
class LinksTest {
    private static final H256 GENESIS = H256.of(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2});
    private static final long AGREEMENT = 7;
    private static final RouteChooser.Timeouts TIMEOUTS = new RouteChooser.Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ZERO);
    private final Ed25519.KeyPair tenant = Ed25519.generate();
    private final List<Host> hosts = new ArrayList<>();
    /** Whether each forward stream the provider served came over a relayed connection. */
    private final List<Boolean> servedRelayed = new CopyOnWriteArrayList<>();
    private Links links;

    @AfterEach
    void stop() {
        if (links != null) {
            links.close();
        }
        hosts.forEach(Host::close);
    }

    private Host host(RelayConfig relay, boolean listen) throws Exception {
        Host h = Hosts.create(HostConfig.builder(Identity.generate()).ioThreads(1).connectTimeout(Duration.ofSeconds(2))
                .handshakeTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(5)).relay(relay).build());
        hosts.add(h);
        if (listen) {
            h.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
        }
        return h;
    }

    private static Multiaddr address(Host h) {
        return h.listenAddresses().get(0).withPeerId(h.peerId());
    }

    /** A provider serving agreement {@value #AGREEMENT} of our tenant with an echo; direct only if it listens. */
    private Host provider(boolean listen, Host... gateways) throws Exception {
        Host p = host(null, listen);
        AccountId who = AccountId.of(tenant.publicKey());
        p.setStreamHandler(ForwardRequest.PROTOCOL, s -> {
            servedRelayed.add(s.connection().isRelayed());
            readRequest(s, new byte[0], who);
        });
        for (Host g : gateways) {
            p.listen(address(g).encapsulate(Multiaddr.parse("/p2p-circuit"))).get(5, TimeUnit.SECONDS);
        }
        return p;
    }

    private static void readRequest(Stream s, byte[] have, AccountId tenant) {
        if (have.length >= ForwardRequest.LENGTH) {
            ForwardRequest r = ForwardRequest.verify(Arrays.copyOf(have, ForwardRequest.LENGTH));
            boolean ok = r.agreement() == AGREEMENT && r.tenant().equals(tenant) && r.genesis().equals(GENESIS);
            byte[] rest = Arrays.copyOfRange(have, ForwardRequest.LENGTH, have.length);
            s.write((ok ? ForwardStatus.OK : ForwardStatus.NOT_ALLOWED).encode(ok ? "" : "not your agreement"))
                    .thenCompose(v -> ok && rest.length > 0 ? s.write(rest) : CompletableFuture.completedFuture(null))
                    .thenRun(() -> {
                        if (ok) {
                            echo(s);
                        } else {
                            s.close();
                        }
                    });
            return;
        }
        s.read().whenComplete((chunk, e) -> {
            if (e != null || chunk.length == 0) {
                s.reset();
            } else {
                byte[] more = Arrays.copyOf(have, have.length + chunk.length);
                System.arraycopy(chunk, 0, more, have.length, chunk.length);
                readRequest(s, more, tenant);
            }
        });
    }

    private static void echo(Stream s) {
        s.read().whenComplete((chunk, e) -> {
            if (e != null) {
                return;
            }
            if (chunk.length == 0) {
                s.closeWrite();
            } else {
                s.write(chunk).whenComplete((v, x) -> {
                    if (x == null) {
                        echo(s);
                    }
                });
            }
        });
    }

    private Links links(Host client, Host... gateways) {
        return links(TIMEOUTS, client, gateways);
    }

    private Links links(RouteChooser.Timeouts timeouts, Host client, Host... gateways) {
        List<Multiaddr> order = Arrays.stream(gateways).map(LinksTest::address).toList();
        links = new Links(client, () -> order, timeouts);
        return links;
    }

    /** Sends {@code size} random bytes through the link's port and checks they all come back in order. */
    private static void roundTrip(Link link, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), link.forward().port())) {
            s.setSoTimeout(15_000);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    s.getOutputStream().write(data);
                    s.shutdownOutput();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] back = s.getInputStream().readAllBytes();
            sent.get(15, TimeUnit.SECONDS);
            assertArrayEquals(data, back, "bytes arrive intact");
        }
    }

    private static Multiaddr deadAddress() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Multiaddr.parse("/ip4/127.0.0.1/tcp/" + s.getLocalPort());
        }
    }

    @Test
    void directWhenTheProviderIsReachable() throws Exception {
        Host gw = host(RelayConfig.defaults(), true);
        Host provider = provider(true, gw);
        Host client = host(null, false);
        client.addAddresses(provider.peerId(), provider.listenAddresses().stream().filter(a -> !a.isRelayed())
                .toList());
        Link link = links(client, gw).open(AGREEMENT, provider.peerId(), tenant, GENESIS, 0);
        assertEquals(LinkView.Route.NONE, link.view(null).route());
        roundTrip(link, 1 << 20);
        roundTrip(link, 1000);
        LinkView v = link.view("/home/me/.ssh/id_ed25519");
        assertEquals(LinkView.Route.DIRECT, v.route());
        assertNull(v.gateway());
        assertEquals(2, v.connections());
        assertEquals(0, v.failed());
        assertEquals((1 << 20) + 1000, v.bytesToMachine());
        assertEquals((1 << 20) + 1000, v.bytesFromMachine());
        assertEquals("ssh -i /home/me/.ssh/id_ed25519 -p " + v.port() + " root@127.0.0.1", v.sshCommand());
        assertEquals(List.of(false, false), servedRelayed);
        List<Connection> used = client.connections(provider.peerId());
        assertEquals(1, used.size(), "both connections shared one libp2p connection");
        assertFalse(used.get(0).isRelayed());
    }

    @Test
    void throughTheFirstGatewayWhenDirectFailsAndTheNextWhenItDies() throws Exception {
        Host gw1 = host(RelayConfig.defaults(), true);
        Host gw2 = host(RelayConfig.defaults(), true);
        Host provider = provider(false, gw1, gw2); // behind NAT: reachable only through its gateways
        Host client = host(null, false);
        Multiaddr stale = deadAddress();
        client.addAddresses(provider.peerId(), List.of(stale));
        Link link = links(client, gw1, gw2).open(AGREEMENT, provider.peerId(), tenant, GENESIS, 0);

        roundTrip(link, 512 * 1024);
        LinkView first = link.view(null);
        assertEquals(LinkView.Route.RELAYED, first.route());
        assertEquals(gw1.peerId().toString(), first.gateway());
        assertEquals(List.of(true), servedRelayed);
        List<Route> next = link.chooser().routes();
        assertTrue(next.stream().noneMatch(r -> r.direct() && r.address().toString().startsWith(stale.toString())),
                "the unreachable direct address is remembered: " + next);
        assertEquals(gw1.peerId(), next.get(0).gateway());

        gw1.close();
        long before = System.nanoTime();
        roundTrip(link, 512 * 1024);
        LinkView second = link.view(null);
        assertEquals(LinkView.Route.RELAYED, second.route());
        assertEquals(gw2.peerId().toString(), second.gateway(), "the next connection went through gateway 2");
        assertEquals(0, second.failed(), "no connection was lost to the dead gateway");
        roundTrip(link, 1000);
        assertEquals(gw2.peerId().toString(), link.view(null).gateway());
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(15));
        assertEquals(List.of(true, true, true), servedRelayed);
        assertEquals(3, link.view(null).connections());
    }

    @Test
    void aConnectionWaitsForAProviderThatHasNotReservedOnItsGatewayYet() throws Exception {
        Host gw = host(RelayConfig.defaults(), true);
        Host provider = provider(false); // just started: not reserved on the gateway yet
        Host client = host(null, false);
        RouteChooser.Timeouts patient = new RouteChooser.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(15));
        Link link = links(patient, client, gw).open(AGREEMENT, provider.peerId(), tenant, GENESIS, 0);
        CompletableFuture<Void> ssh = CompletableFuture.runAsync(() -> {
            try {
                roundTrip(link, 64 * 1024); // connects at once; the route appears ~2.5 s later
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(2500);
        assertFalse(ssh.isDone(), "the connection waits");
        provider.listen(address(gw).encapsulate(Multiaddr.parse("/p2p-circuit"))).get(5, TimeUnit.SECONDS);
        ssh.get(20, TimeUnit.SECONDS);
        assertEquals(0, link.view(null).failed());
        assertEquals(List.of(true), servedRelayed);
    }

    @Test
    void refusalsAndMissingRoutesFailOneConnectionAndTheLinkGoesOn() throws Exception {
        Host gw = host(RelayConfig.defaults(), true);
        Host provider = provider(false, gw);
        Host client = host(null, false);
        Links all = links(client, gw);
        Link other = all.open(AGREEMENT + 1, provider.peerId(), tenant, GENESIS, 0);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), other.forward().port())) {
            s.setSoTimeout(15_000);
            assertEquals(-1, s.getInputStream().read(), "a refused connection is closed");
        }
        waitFor(() -> other.view(null).failed() == 1);
        assertTrue(other.view(null).lastError().contains("NOT_ALLOWED"), other.view(null).lastError());

        Link mine = all.open(AGREEMENT, provider.peerId(), tenant, GENESIS, 0);
        assertTrue(mine == all.open(AGREEMENT, provider.peerId(), tenant, GENESIS, 0), "one link per agreement");
        roundTrip(mine, 4096);
        assertEquals(List.of(8L, 7L).stream().sorted().toList(), all.all().stream().map(Link::agreement).toList());
        int port = mine.forward().port();
        assertTrue(all.close(AGREEMENT));
        assertFalse(all.close(AGREEMENT));
        assertThrowsConnect(port);

        Links none = new Links(client, List::of, TIMEOUTS);
        try {
            Link lost = none.open(AGREEMENT, Identity.generate().peerId(), tenant, GENESIS, 0);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lost.forward().port())) {
                s.setSoTimeout(15_000);
                InputStream in = s.getInputStream();
                assertEquals(-1, in.read());
            }
            waitFor(() -> lost.view(null).failed() == 1);
            assertTrue(lost.view(null).lastError().startsWith("no route"), lost.view(null).lastError());
        } finally {
            none.close();
        }
    }

    private static void assertThrowsConnect(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("port " + port + " still accepts");
        } catch (java.io.IOException expected) {
            // closed
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }
}
