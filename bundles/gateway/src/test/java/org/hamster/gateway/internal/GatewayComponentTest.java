package org.hamster.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.gateway.Bandwidth;
import org.hamster.gateway.CircuitView;
import org.hamster.gateway.GatewayStatus;
import org.hamster.gateway.PeerView;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.Stream;
import org.hamster.p2p.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay side of the gateway without OSGi: real hosts on loopback relaying through it. */
class GatewayComponentTest {
    @TempDir
    Path dir;
    private GatewayComponent gateway;
    private final List<Host> peers = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        peers.forEach(Host::close);
        if (gateway != null) {
            gateway.deactivate();
        }
    }

    private GatewayComponent start(Map<String, Object> extra) throws Exception {
        Map<String, Object> values = new HashMap<>(Map.of("listenAddress", "/ip4/127.0.0.1/tcp/0",
                "identityDir", dir.toString()));
        values.putAll(extra);
        GatewayComponent g = new GatewayComponent();
        g.activate(TestConfigs.gateway(values));
        return g;
    }

    private Host peer() {
        Host h = Hosts.create(HostConfig.defaults(Identity.generate()));
        peers.add(h);
        return h;
    }

    @Test
    void keepsItsIdentityAndAnnouncesItsAddress() throws Exception {
        gateway = start(Map.of());
        GatewayStatus s = gateway.status();
        assertTrue(s.publicAddress().startsWith("/ip4/127.0.0.1/tcp/"), s.publicAddress());
        assertTrue(s.publicAddress().endsWith("/p2p/" + s.peerId()), s.publicAddress());
        assertEquals(GatewayStatus.State.DISABLED, s.registration().state());
        assertTrue(s.registration().detail().contains("no account configured"), s.registration().detail());
        String peerId = s.peerId();
        gateway.deactivate();
        gateway = start(Map.of("publicAddress", "/dns4/gw.example.org/tcp/4001"));
        assertEquals(peerId, gateway.status().peerId(), "the identity key persists");
        assertEquals("/dns4/gw.example.org/tcp/4001/p2p/" + peerId, gateway.status().publicAddress());
        gateway.deactivate();
        gateway = start(Map.of("account", "gw")); // with an account, and no chain client yet
        assertEquals(GatewayStatus.State.WAITING_FOR_CHAIN, gateway.status().registration().state());
    }

    @Test
    void badAddressesAreConfigurationErrors() {
        HamsterException e = assertThrows(HamsterException.class, () -> start(Map.of("listenAddress", "tcp:4001")));
        assertEquals(ErrorCode.CONFIG, e.code());
        assertTrue(e.getMessage().contains("listenAddress"), e.getMessage());
        assertThrows(HamsterException.class, () -> start(Map.of("publicAddress", "/ip4/1.2.3/tcp/1")));
        assertThrows(IllegalArgumentException.class, () -> start(Map.of("maxCircuits", 0)));
    }

    @Test
    void relaysAndMetersACircuit() throws Exception {
        gateway = start(Map.of());
        Multiaddr gw = Multiaddr.parse(gateway.status().publicAddress());
        Host target = peer();
        Host source = peer();
        target.setStreamHandler(StreamHandler.ECHO, StreamHandler.echo());
        Multiaddr circuit = target.listen(gw.encapsulate(Multiaddr.parse("/p2p-circuit"))).get(10, TimeUnit.SECONDS)
                .withPeerId(target.peerId());
        Connection c = source.dial(circuit).get(10, TimeUnit.SECONDS);
        assertTrue(c.isRelayed());
        Stream s = c.newStream(StreamHandler.ECHO).get(10, TimeUnit.SECONDS);
        byte[] data = new byte[1 << 20];
        Arrays.fill(data, (byte) 9);
        s.write(data);
        s.closeWrite();
        long got = 0;
        for (byte[] chunk; (chunk = s.read().get(10, TimeUnit.SECONDS)).length > 0;) {
            got += chunk.length;
        }
        assertEquals(data.length, got);

        List<CircuitView> circuits = gateway.circuits();
        assertEquals(1, circuits.size());
        CircuitView cv = circuits.get(0);
        assertEquals(source.peerId().toString(), cv.source());
        assertEquals(target.peerId().toString(), cv.target());
        assertTrue(cv.bytesToTarget() > data.length && cv.bytesToSource() > data.length, cv.toString());
        List<PeerView> ps = gateway.peers();
        assertEquals(2, ps.size());
        PeerView t = ps.stream().filter(p -> p.peerId().equals(target.peerId().toString())).findFirst().orElseThrow();
        assertNotNull(t.reservationExpiry(), "the target holds a reservation");
        assertEquals(1, gateway.status().reservations());
        assertEquals(1, gateway.status().circuits());
        eventually(() -> gateway.bandwidth().history().size() >= 2);
        Bandwidth b = gateway.bandwidth();
        assertTrue(b.totalIn() > 2L * data.length && b.totalOut() > 2L * data.length, b.toString());
        assertTrue(b.relayedTotal() >= 2L * data.length, b.toString());
        // one sample a second from the start: the rates add up to the bytes counted (within the timer's jitter)
        long sumIn = b.history().stream().mapToLong(Bandwidth.Sample::rateIn).sum();
        long sumOut = b.history().stream().mapToLong(Bandwidth.Sample::rateOut).sum();
        assertTrue(sumIn > b.totalIn() * 8 / 10 && sumIn < b.totalIn() * 12 / 10, sumIn + " vs " + b);
        assertTrue(sumOut > b.totalOut() * 8 / 10 && sumOut < b.totalOut() * 12 / 10, sumOut + " vs " + b);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(50);
        }
    }
}
