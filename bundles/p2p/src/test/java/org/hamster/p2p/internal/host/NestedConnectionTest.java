package org.hamster.p2p.internal.host;

import static org.hamster.p2p.internal.host.TestHosts.addressOf;
import static org.hamster.p2p.internal.host.TestHosts.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Direction;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.protocols.EchoClient;
import org.hamster.p2p.internal.protocols.EchoProtocol;
import org.hamster.p2p.internal.protocols.PingProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay extension point: a whole libp2p connection (Noise + Yamux) upgraded inside a stream of another
 * connection, as a circuit relay will do with its hop and stop streams.
 */
class NestedConnectionTest {
    private static final String TUNNEL = "/test/tunnel/1.0.0";
    private static final Multiaddr INNER = Multiaddr.tcp(new InetSocketAddress("127.0.0.1", 1));
    private final TestHosts hosts = new TestHosts();

    @AfterEach
    void close() {
        hosts.close();
    }

    @Test
    void connectionInsideAStream() throws Exception {
        NettyHost a = hosts.start();
        NettyHost b = hosts.start();
        CompletableFuture<ConnectionImpl> inbound = new CompletableFuture<>();
        a.setStreamHandler(TUNNEL, s -> upgradeInside(a, s, Direction.INBOUND, null, inbound));
        StreamImpl tunnel = (StreamImpl) await(b.dial(addressOf(a)).thenCompose(c -> c.newStream(TUNNEL)));
        CompletableFuture<ConnectionImpl> outbound = new CompletableFuture<>();
        upgradeInside(b, tunnel, Direction.OUTBOUND, a.peerId(), outbound);
        Connection inner = await(outbound);
        assertEquals(a.peerId(), inner.remotePeer());
        assertEquals(b.peerId(), await(inbound).remotePeer());
        assertTrue(await(inner.newStream(PingProtocol.ID).thenCompose(PingProtocol::ping))
                .compareTo(Duration.ofSeconds(5)) < 0);
        await(inner.newStream(EchoProtocol.ID).thenCompose(s -> EchoClient.run(s, 1024 * 1024)));
        await(inner.close());
        assertTrue(tunnel.channel().closeFuture().await(5, TimeUnit.SECONDS)); // the inner connection owned it
    }

    private static void upgradeInside(NettyHost host, Stream stream, Direction direction, PeerId expected,
            CompletableFuture<ConnectionImpl> result) {
        StreamChannels.takeOver(stream, ch -> host.upgrader().upgrade(ch, direction, expected, x -> INNER, x -> INNER)
                .whenComplete((c, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(c);
                    }
                }));
    }
}
