package org.hamster.p2p.internal.host;

import static org.hamster.p2p.internal.host.TestHosts.addressOf;
import static org.hamster.p2p.internal.host.TestHosts.await;
import static org.hamster.p2p.internal.host.TestHosts.eventually;
import static org.hamster.p2p.internal.host.TestHosts.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hamster.p2p.Connection;
import org.hamster.p2p.ConnectionListener;
import org.hamster.p2p.Direction;
import org.hamster.p2p.Host;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.MultiaddrProtocol;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerInfo;
import org.hamster.p2p.internal.protocols.EchoClient;
import org.hamster.p2p.internal.protocols.EchoProtocol;
import org.hamster.p2p.internal.tools.DemoPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two Java hosts over loopback TCP: the whole stack (multistream, Noise, Yamux, ping, identify, echo). */
class HostTest {
    private final TestHosts hosts = new TestHosts();

    @AfterEach
    void close() {
        hosts.close();
    }

    @Test
    void dialPingAndIdentify() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        List<String> events = new CopyOnWriteArrayList<>();
        a.addConnectionListener(new ConnectionListener() {
            @Override
            public void connected(Connection c) {
                events.add("up " + c.direction() + " " + c.remotePeer());
            }

            @Override
            public void disconnected(Connection c) {
                events.add("down " + c.remotePeer());
            }
        });
        Connection c = await(b.dial(addressOf(a)));
        assertEquals(a.peerId(), c.remotePeer());
        assertEquals(Direction.OUTBOUND, c.direction());
        assertTrue(await(b.ping(a.peerId())).compareTo(Duration.ofSeconds(5)) < 0);
        PeerInfo info = await(b.identify(a.peerId()));
        assertEquals("hamster/0.1.0", info.agentVersion());
        assertEquals("ipfs/0.1.0", info.protocolVersion());
        assertTrue(info.protocols().containsAll(List.of(Host.PING, Host.IDENTIFY, EchoProtocol.ID)));
        assertEquals(a.listenAddresses(), info.listenAddresses());
        assertEquals(c.localAddress(), info.observedAddress().orElseThrow());
        assertEquals(1, b.connections(a.peerId()).size());
        assertEquals(c, await(b.dial(a.peerId(), List.of()))); // reused
        // both ends count the same wire bytes, each in its own direction; the host totals hold them
        eventually("the byte counts to settle", () -> c.traffic().bytesOut() == a.traffic().bytesIn()
                && c.traffic().bytesIn() == a.traffic().bytesOut());
        assertTrue(c.traffic().bytesOut() > 100 && c.traffic().bytesIn() > 100, "" + c.traffic());
        assertEquals(c.traffic(), b.traffic());
        await(c.close());
        eventually("the listener to see the disconnect", () -> events.size() == 2);
        assertEquals(List.of("up INBOUND " + b.peerId(), "down " + b.peerId()), events);
        assertEquals(List.of(), b.connections());
    }

    @Test
    void echoesTenMegabytesByteForByte() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        Connection c = await(b.dial(addressOf(a)));
        long bytes = 10L * 1024 * 1024;
        Duration d = await(c.newStream(EchoProtocol.ID).thenCompose(s -> EchoClient.run(s, bytes)));
        double mibPerSecond = bytes / 1048576.0 / (d.toNanos() / 1e9);
        System.out.printf("ECHO 10 MiB over loopback in %d ms (%.1f MiB/s each way)%n", d.toMillis(), mibPerSecond);
        eventually("the echo stream to be released", () -> c.streamCount() == 0);
    }

    @Test
    void manyConcurrentStreamsOnOneConnection() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        Connection c = await(b.dial(addressOf(a)));
        List<CompletableFuture<Duration>> runs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            runs.add(c.newStream(EchoProtocol.ID).thenCompose(s -> EchoClient.run(s, 64 * 1024 + 7)));
        }
        await(CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)));
        eventually("all streams to close", () -> c.streamCount() == 0
                && a.connections(b.peerId()).get(0).streamCount() == 0);
    }

    @Test
    void unknownProtocolIsRefusedAndTheConnectionLivesOn() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        await(b.dial(addressOf(a)));
        P2pException e = failure(b.newStream(a.peerId(), List.of("/nope/1", "/nope/2")));
        assertEquals(P2pException.Reason.PROTOCOL_NOT_SUPPORTED, e.reason());
        a.removeStreamHandler(EchoProtocol.ID);
        assertEquals(P2pException.Reason.PROTOCOL_NOT_SUPPORTED, failure(b.newStream(a.peerId(), EchoProtocol.ID))
                .reason());
        await(b.ping(a.peerId()));
        assertEquals(1, b.connections().size());
    }

    @Test
    void demoPeerDialsPingsIdentifiesAndEchoes() throws Exception {
        NettyHost a = hosts.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = DemoPeer.run(new String[] {"dial", addressOf(a).toString(), "--ping", "2", "--identify",
            "--echo", "100000"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertTrue(text.startsWith("CONNECTED " + a.peerId()), text);
        assertEquals(2, text.split("PING-OK").length - 1, text);
        assertTrue(text.contains("IDENTIFY-OK agent=hamster/0.1.0"), text);
        assertTrue(text.contains("ECHO-OK bytes=100000"), text);
        ByteArrayOutputStream fail = new ByteArrayOutputStream();
        assertEquals(1, DemoPeer.run(new String[] {"dial", "/ip4/127.0.0.1/tcp/1/p2p/" + a.peerId()},
                new PrintStream(fail, true, StandardCharsets.UTF_8)));
        assertTrue(fail.toString(StandardCharsets.UTF_8).startsWith("FAIL "));
    }

    @Test
    void dialsDnsAddresses() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        String port = a.listenAddresses().get(0).value(MultiaddrProtocol.TCP).orElseThrow();
        Connection c = await(b.dial(Multiaddr.parse("/dns4/localhost/tcp/" + port + "/p2p/" + a.peerId())));
        assertEquals(a.peerId(), c.remotePeer());
        assertEquals("/ip4/127.0.0.1/tcp/" + port, c.remoteAddress().toString());
        NettyHost d = hosts.start();
        P2pException e = failure(d.dial(Multiaddr.parse("/dns4/no-such-host.invalid/tcp/1/p2p/" + a.peerId())));
        assertEquals(P2pException.Reason.DIAL_FAILED, e.reason());
        e = failure(d.dial(Multiaddr.parse("/ip4/127.0.0.1/udp/1/quic-v1/p2p/" + a.peerId())));
        assertTrue(e.getMessage().contains("no transport"), e.getMessage());
    }
}
