package org.hamster.p2p.internal.host;

import static org.hamster.p2p.internal.host.TestHosts.addressOf;
import static org.hamster.p2p.internal.host.TestHosts.await;
import static org.hamster.p2p.internal.host.TestHosts.eventually;
import static org.hamster.p2p.internal.host.TestHosts.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.protocols.EchoProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resets, lost connections, impostors and garbage end what they concern and nothing else. */
class FailureTest {
    private static final HexFormat HEX = HexFormat.of();
    private final TestHosts hosts = new TestHosts();

    @AfterEach
    void close() {
        hosts.close();
    }

    @Test
    void resetReachesTheOtherSide() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        a.setStreamHandler("/reset", s -> s.read().thenRun(s::reset));
        Stream s = await(b.dial(addressOf(a)).thenCompose(c -> c.newStream("/reset")));
        CompletableFuture<byte[]> read = s.read();
        await(s.write(new byte[] {1}));
        assertEquals(P2pException.Reason.STREAM_RESET, failure(read).reason());
        assertEquals(P2pException.Reason.STREAM_RESET, failure(s.write(new byte[] {2})).reason());
        await(b.ping(a.peerId())); // the connection is unaffected
    }

    @Test
    void lostConnectionFailsOpenStreams() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        CompletableFuture<Stream> served = new CompletableFuture<>();
        a.setStreamHandler("/hold", served::complete);
        Stream s = await(b.dial(addressOf(a)).thenCompose(c -> c.newStream("/hold")));
        await(served);
        CompletableFuture<byte[]> read = s.read();
        ConnectionImpl server = (ConnectionImpl) a.connections().get(0);
        server.channel().eventLoop().execute(() -> server.channel().unsafe().close(server.channel().voidPromise()));
        assertEquals(P2pException.Reason.CONNECTION_CLOSED, failure(read).reason());
        eventually("both hosts to forget the connection", () -> a.connections().isEmpty() && b.connections().isEmpty());
        await(b.ping(a.peerId())); // redials
    }

    @Test
    void dialingAnImpostorFails() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        Multiaddr wrong = a.listenAddresses().get(0).withPeerId(Identity.generate().peerId());
        assertEquals(P2pException.Reason.PEER_ID_MISMATCH, failure(b.dial(wrong)).reason());
        assertEquals(List.of(), b.connections());
        eventually("the listener to drop it", () -> a.connections().isEmpty());
    }

    @Test
    void garbageAndHalfHandshakesAreDropped() throws Exception {
        NettyHost a = hosts.start(b -> b.handshakeTimeout(Duration.ofMillis(700)));
        String ms = "13" + HEX.formatHex("/multistream/1.0.0\n".getBytes()) + "07"
                + HEX.formatHex("/noise\n".getBytes());
        byte[] random = new byte[4000];
        new Random(5).nextBytes(random);
        byte[][] inputs = {
            random,
            HEX.parseHex(ms), // agrees on Noise, then silence
            HEX.parseHex(ms + "0020" + "00".repeat(32)), // a low-order ephemeral key
            HEX.parseHex(ms + "ffff" + "ab".repeat(100)), // announces a 64 KiB message, never sends it
            HEX.parseHex(ms.substring(0, 20)), // stops inside the header
            new byte[0], // says nothing at all
            "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(),
        };
        String port = a.listenAddresses().get(0).value(org.hamster.p2p.MultiaddrProtocol.TCP).orElseThrow();
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", Integer.parseInt(port));
        for (byte[] in : inputs) {
            try (Socket socket = new Socket()) {
                socket.connect(target, 2000);
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write(in);
                out.flush();
                InputStream read = socket.getInputStream();
                byte[] buf = new byte[4096];
                while (read.read(buf) >= 0) {
                    // drain what the host answers until it closes
                }
            }
        }
        eventually("no half-open connection", () -> a.connections().isEmpty());
        NettyHost b = hosts.start();
        await(b.ping(await(b.dial(addressOf(a))).remotePeer())); // still serving
    }

    @Test
    void connectionLimitRefusesTheExtraPeer() throws Exception {
        NettyHost a = hosts.start(b -> b.maxConnections(1));
        NettyHost b = hosts.start();
        NettyHost c = hosts.start();
        await(b.dial(addressOf(a)));
        P2pException e = failure(c.dial(addressOf(a)));
        assertEquals(P2pException.Reason.DIAL_FAILED, e.reason());
        assertEquals(1, a.connections().size());
    }

    @Test
    void closedHostFailsItsStreamsAndRefusesWork() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        Connection conn = await(b.dial(addressOf(a)));
        Stream s = await(conn.newStream(EchoProtocol.ID));
        CompletableFuture<byte[]> read = s.read();
        a.close();
        assertEquals(P2pException.Reason.CONNECTION_CLOSED, failure(read).reason());
        await(conn.closeFuture());
        assertTrue(!conn.isOpen());
        assertEquals(P2pException.Reason.CLOSED, failure(a.dial(addressOf(b))).reason());
        assertEquals(P2pException.Reason.DIAL_FAILED, failure(b.dial(addressOf(a))).reason());
    }

    @Test
    void hostClosedFromItsOwnCallback() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        a.setStreamHandler("/bye", s -> a.close());
        Stream s = await(b.dial(addressOf(a)).thenCompose(c -> c.newStream("/bye")));
        assertEquals(P2pException.Reason.CONNECTION_CLOSED, failure(s.read()).reason());
        eventually("the host's threads to stop", () -> a.eventLoopGroup().isTerminated());
        assertEquals(P2pException.Reason.CLOSED, failure(a.dial(addressOf(b))).reason());
    }
}
