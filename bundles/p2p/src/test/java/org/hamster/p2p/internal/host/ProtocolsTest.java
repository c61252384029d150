package org.hamster.p2p.internal.host;

import static org.hamster.p2p.internal.host.TestHosts.addressOf;
import static org.hamster.p2p.internal.host.TestHosts.await;
import static org.hamster.p2p.internal.host.TestHosts.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.hamster.p2p.Host;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerInfo;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.WireException;
import org.hamster.p2p.internal.protocols.IdentifyProtocol;
import org.hamster.p2p.internal.proto.ProtoWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ping and identify against misbehaving remotes, and the identify message format. */
class ProtocolsTest {
    private final TestHosts hosts = new TestHosts();

    @AfterEach
    void close() {
        hosts.close();
    }

    @Test
    void identifyMessageRoundTripsAndSkipsUnknownAddresses() throws Exception {
        Identity id = Identity.generate();
        Multiaddr listen = Multiaddr.parse("/ip4/10.1.2.3/tcp/4001");
        byte[] msg = IdentifyProtocol.encode(id, "agent/1", List.of(listen), Multiaddr.parse("/ip6/::1/tcp/5"),
                List.of("/a", "/b"));
        byte[] extended = concat(msg, new ProtoWriter().bytes(2, new byte[] {(byte) 0x80, 0x7f, 1}) // unknown code
                .bytes(8, new byte[] {1, 2, 3}).toByteArray()); // signedPeerRecord, ignored
        PeerInfo info = IdentifyProtocol.decode(extended, id.peerId());
        assertEquals("agent/1", info.agentVersion());
        assertEquals("ipfs/0.1.0", info.protocolVersion());
        assertEquals(List.of(listen), info.listenAddresses());
        assertEquals("/ip6/::1/tcp/5", info.observedAddress().orElseThrow().toString());
        assertEquals(List.of("/a", "/b"), info.protocols());
        assertThrows(WireException.class, () -> IdentifyProtocol.decode(msg, Identity.generate().peerId()));
        assertThrows(WireException.class, () -> IdentifyProtocol.decode(new byte[] {0x0a, 0x7f}, id.peerId()));
    }

    @Test
    void identifyFromALyingOrBrokenPeerFails() throws Exception {
        Host a = hosts.start();
        NettyHost b = hosts.start();
        await(b.dial(addressOf(a)));
        byte[] impostor = IdentifyProtocol.encode(Identity.generate(), "x", List.of(), null, List.of());
        a.setStreamHandler(Host.IDENTIFY, s -> IdentifyProtocol.serve(s, impostor));
        assertEquals(P2pException.Reason.PROTOCOL_ERROR, failure(b.identify(a.peerId())).reason());
        a.setStreamHandler(Host.IDENTIFY, s -> s.write(new byte[] {(byte) 0xff, (byte) 0xff, 0x03}).thenRun(s::close));
        assertEquals(P2pException.Reason.PROTOCOL_ERROR, failure(b.identify(a.peerId())).reason());
        a.setStreamHandler(Host.IDENTIFY, Stream::close);
        assertEquals(P2pException.Reason.PROTOCOL_ERROR, failure(b.identify(a.peerId())).reason());
        a.setStreamHandler(Host.IDENTIFY, s -> { }); // never answers
        NettyHost impatient = hosts.start(x -> x.requestTimeout(Duration.ofMillis(300)));
        await(impatient.dial(addressOf(a)));
        assertEquals(P2pException.Reason.TIMEOUT, failure(impatient.identify(a.peerId())).reason());
    }

    @Test
    void pingServerResetsTruncatedPingsAndPingClientChecksTheEcho() throws Exception {
        Host a = hosts.start();
        NettyHost b = hosts.start(x -> x.requestTimeout(Duration.ofMillis(500)));
        await(b.dial(addressOf(a)));
        Stream s = await(b.newStream(a.peerId(), Host.PING));
        await(s.write(new byte[10]));
        await(s.closeWrite());
        assertEquals(P2pException.Reason.STREAM_RESET, failure(s.read()).reason());
        a.setStreamHandler(Host.PING, st -> st.write(new byte[32])); // answers the wrong bytes
        assertEquals(P2pException.Reason.PROTOCOL_ERROR, failure(b.ping(a.peerId())).reason());
        a.setStreamHandler(Host.PING, st -> { }); // never answers
        assertEquals(P2pException.Reason.TIMEOUT, failure(b.ping(a.peerId())).reason());
        assertTrue(b.connections(a.peerId()).get(0).isOpen());
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
