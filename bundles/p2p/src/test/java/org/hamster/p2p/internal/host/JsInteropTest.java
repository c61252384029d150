package org.hamster.p2p.internal.host;

import static org.hamster.p2p.internal.host.TestHosts.addressOf;
import static org.hamster.p2p.internal.host.TestHosts.await;
import static org.hamster.p2p.internal.host.TestHosts.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.PeerInfo;
import org.hamster.p2p.RelayConfig;
import org.hamster.p2p.internal.protocols.EchoClient;
import org.hamster.p2p.internal.protocols.EchoProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Interop with js-libp2p 3 (itests/interop/js/peer.mjs, run by Node >= 20): direct both ways and through circuit
 * relays of either side. Fails when {@code npm ci} was not run there.
 */
class JsInteropTest {
    private static final int ECHO = 10 * 1024 * 1024;
    private final TestHosts hosts = new TestHosts();

    @AfterEach
    void close() {
        hosts.close();
    }

    private static String sha256OfPattern(long n) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        for (long pos = 0; pos < n; pos += buf.length) {
            int len = (int) Math.min(buf.length, n - pos);
            for (int i = 0; i < len; i++) {
                buf[i] = EchoClient.patternAt(pos + i);
            }
            d.update(buf, 0, len);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** Starts a js peer and returns it with its PEER id and first LISTEN address once READY. */
    private static String[] ready(JsPeer js, String listenFilter) throws Exception {
        String peer = null;
        String addr = null;
        while (true) {
            String l = js.await(x -> x.startsWith("PEER ") || x.startsWith("LISTEN ") || x.equals("READY"),
                    "READY", 60);
            if (l.startsWith("PEER ")) {
                peer = l.substring(5).trim();
            } else if (l.startsWith("LISTEN ") && addr == null && l.contains(listenFilter)) {
                addr = l.substring(7).trim();
            } else if (l.equals("READY")) {
                break;
            }
        }
        assertTrue(peer != null && addr != null, "js printed no PEER/LISTEN: " + js.output());
        return new String[] {peer, addr};
    }

    private static void javaChecks(NettyHost host, Connection c, PeerId js, JsPeer peer, boolean identify)
            throws Exception {
        assertTrue(await(c.newStream(org.hamster.p2p.internal.protocols.PingProtocol.ID)
                .thenCompose(org.hamster.p2p.internal.protocols.PingProtocol::ping)).compareTo(Duration.ofSeconds(5))
                < 0);
        if (identify) {
            PeerInfo info = await(host.identify(js));
            assertTrue(info.agentVersion().startsWith("js-libp2p/"), info.agentVersion());
            assertTrue(info.protocols().contains(EchoProtocol.ID), info.protocols().toString());
        }
        Duration took = await(c.newStream(EchoProtocol.ID).thenCompose(s -> EchoClient.run(s, ECHO)));
        System.out.printf("java -> js%s 10 MiB echo: %d ms%n", c.isRelayed() ? " (relayed)" : "", took.toMillis());
        String served = peer.await("ECHO-SERVED " + ECHO, 30);
        assertEquals(sha256OfPattern(ECHO), served.split(" ")[2]);
    }

    @Test
    void javaDialsJs() throws Exception {
        try (JsPeer js = JsPeer.start("listen")) {
            String[] id = ready(js, "/tcp/");
            NettyHost java = hosts.start();
            Connection c = await(java.dial(Multiaddr.parse(id[1])));
            assertEquals(id[0], c.remotePeer().toString());
            js.await("IDENTIFIED " + java.peerId(), 30);
            javaChecks(java, c, c.remotePeer(), js, true);
        }
    }

    private static List<String> jsDial(String target, String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        args[0] = "dial";
        args[1] = target;
        args[2] = "--echo";
        args[3] = String.valueOf(ECHO);
        System.arraycopy(extra, 0, args, 4, extra.length);
        try (JsPeer js = JsPeer.start(args)) {
            int code = js.waitFor(120);
            List<String> out = js.output();
            assertEquals(0, code, "js dial failed: " + out + "; stderr: " + js.stderrTail());
            return out;
        }
    }

    private static void assertJsDialOutput(List<String> out, int pings, boolean identify) throws Exception {
        assertEquals(pings, out.stream().filter(l -> l.startsWith("PING-OK")).count(), out.toString());
        if (identify) {
            assertTrue(out.stream().anyMatch(l -> l.startsWith("IDENTIFY-OK") && l.contains("hamster/")
                    && l.contains(EchoProtocol.ID)), out.toString());
        }
        List<String> echoes = out.stream().filter(l -> l.startsWith("ECHO-OK")).toList();
        assertTrue(!echoes.isEmpty(), out.toString());
        echoes.forEach(l -> assertEquals(String.valueOf(ECHO), l.split(" ")[1], l));
        echoes.forEach(l -> System.out.println("js -> java: " + l));
    }

    @Test
    void jsDialsJava() throws Exception {
        NettyHost java = hosts.start();
        List<String> out = jsDial(addressOf(java).toString(), "--ping-count", "3", "--identify", "--parallel", "4");
        assertJsDialOutput(out, 3, true);
        assertEquals(4, out.stream().filter(l -> l.startsWith("ECHO-OK")).count(), out.toString());
    }

    @Test
    void jsReachesJavaThroughJavaRelay() throws Exception {
        NettyHost relay = hosts.start(b -> b.relay(RelayConfig.defaults()));
        NettyHost java = hosts.start();
        Multiaddr circuit = await(java.listen(addressOf(relay).encapsulate(Multiaddr.parse("/p2p-circuit"))))
                .withPeerId(java.peerId());
        List<String> out = jsDial(circuit.toString(), "--ping-count", "3", "--identify");
        assertJsDialOutput(out, 3, true);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("CONNECTED " + java.peerId()) && l.contains("p2p-circuit")),
                out.toString());
        eventually("the circuit to end", () -> relay.relayService().orElseThrow().circuitCount() == 0);
    }

    @Test
    void jsReachesJsThroughJavaRelay() throws Exception {
        NettyHost relay = hosts.start(b -> b.relay(RelayConfig.defaults()));
        try (JsPeer listener = JsPeer.start("listen-via-relay", addressOf(relay).toString())) {
            String[] id = ready(listener, "/p2p-circuit");
            assertEquals(1, relay.relayService().orElseThrow().reservationCount());
            List<String> out = jsDial(id[1], "--ping-count", "3");
            assertJsDialOutput(out, 3, false);
            listener.await("ECHO-SERVED " + ECHO, 30);
        }
        eventually("the circuit to end", () -> relay.relayService().orElseThrow().circuitCount() == 0);
    }

    @Test
    void javaReachesJsThroughJsRelay() throws Exception {
        try (JsPeer jsRelay = JsPeer.start("relay")) {
            String[] relay = ready(jsRelay, "/tcp/");
            try (JsPeer listener = JsPeer.start("listen-via-relay", relay[1])) {
                String[] id = ready(listener, "/p2p-circuit");
                NettyHost java = hosts.start();
                Connection c = await(java.dial(Multiaddr.parse(id[1])));
                assertTrue(c.isRelayed());
                assertEquals(id[0], c.remotePeer().toString());
                javaChecks(java, c, c.remotePeer(), listener, false);
            }
        }
    }

    @Test
    void jsReachesJavaThroughJsRelay() throws Exception {
        try (JsPeer jsRelay = JsPeer.start("relay")) {
            String[] relay = ready(jsRelay, "/tcp/");
            NettyHost java = hosts.start();
            Multiaddr circuit = await(java.listen(Multiaddr.parse(relay[1]).encapsulate(
                    Multiaddr.parse("/p2p-circuit")))).withPeerId(java.peerId());
            List<String> out = jsDial(circuit.toString(), "--ping-count", "3");
            assertJsDialOutput(out, 3, false);
        }
    }
}
