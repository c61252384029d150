package org.hamster.p2p.internal.host;

import static org.hamster.p2p.internal.host.TestHosts.addressOf;
import static org.hamster.p2p.internal.host.TestHosts.await;
import static org.hamster.p2p.internal.host.TestHosts.eventually;
import static org.hamster.p2p.internal.host.TestHosts.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Direction;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.RelayConfig;
import org.hamster.p2p.RelayStatus;
import org.hamster.p2p.Stream;
import org.hamster.p2p.Traffic;
import org.hamster.p2p.internal.Varint;
import org.hamster.p2p.internal.protocols.EchoClient;
import org.hamster.p2p.internal.protocols.EchoProtocol;
import org.hamster.p2p.internal.protocols.PingProtocol;
import org.hamster.p2p.internal.protocols.StreamReader;
import org.hamster.p2p.internal.relay.RelayMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Circuit relay v2 between three hosts on loopback: reservations, relayed connections, limits and garbage. */
class RelayTest {
    private static final long MIB = 1024 * 1024;
    private final TestHosts hosts = new TestHosts();

    @AfterEach
    void close() {
        hosts.close();
    }

    private NettyHost relay(RelayConfig config) throws Exception {
        return hosts.start(b -> b.relay(config));
    }

    /** Reserves on {@code relay}; returns the dialable circuit address of {@code listener}. */
    private static Multiaddr reserve(NettyHost listener, NettyHost relay) throws Exception {
        Multiaddr bound = await(listener.listen(addressOf(relay).encapsulate(Multiaddr.parse("/p2p-circuit"))));
        assertTrue(bound.isRelayed());
        assertTrue(listener.listenAddresses().contains(bound));
        return bound.withPeerId(listener.peerId());
    }

    @Test
    void pingAndEchoThroughTheRelay() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults());
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        Multiaddr circuit = reserve(listener, relay);
        assertEquals(1, relay.relayService().orElseThrow().reservationCount());
        Connection c = await(dialer.dial(circuit));
        assertTrue(c.isRelayed());
        assertEquals(listener.peerId(), c.remotePeer());
        assertEquals(Direction.OUTBOUND, c.direction());
        eventually("the listener's relayed connection", () -> listener.connections(dialer.peerId()).stream()
                .anyMatch(x -> x.isRelayed() && x.direction() == Direction.INBOUND));
        assertTrue(await(dialer.ping(listener.peerId())).compareTo(Duration.ofSeconds(5)) < 0);
        assertEquals(listener.peerId(), await(dialer.identify(listener.peerId())).peerId());
        long size = 10 * MIB;
        for (int i = 0; i < 3; i++) { // byte-exact; the later rounds are warm
            Duration took = await(c.newStream(EchoProtocol.ID).thenCompose(s -> EchoClient.run(s, size)));
            System.out.printf("relayed 10 MiB echo: %d ms, %.1f MiB/s each way%n", took.toMillis(),
                    size / (double) MIB / (took.toNanos() / 1e9));
        }
        // the listener can open streams back over the same relayed connection
        assertTrue(await(listener.ping(dialer.peerId())).compareTo(Duration.ofSeconds(5)) < 0);
        assertEquals(1, relay.relayService().orElseThrow().circuitCount());
        await(c.close());
        eventually("the circuit to end", () -> relay.relayService().orElseThrow().circuitCount() == 0);
    }

    @Test
    void closingWhileTheOtherSideHoldsAStreamOpenStillEndsTheCircuit() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults());
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        Connection c = await(dialer.dial(reserve(listener, relay)));
        eventually("the listener's relayed connection", () -> !listener.connections(dialer.peerId()).isEmpty());
        Connection back = listener.connections(dialer.peerId()).get(0);
        Stream held = await(back.newStream(EchoProtocol.ID)); // open on the listener's side, never closed by it
        await(held.write(new byte[] {1, 2, 3}));
        await(c.close());
        // the listener's session sees the end of its carrier and closes, though a stream of its own is open
        eventually("the listener's connection to close", () -> listener.connections(dialer.peerId()).isEmpty());
        eventually("the circuit to end", () -> relay.relayService().orElseThrow().circuitCount() == 0);
        eventually("the listener's stream to end with its connection", () -> !held.isOpen());
    }

    @Test
    void relayStatusShowsReservationsCircuitsAndTheirBytes() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults());
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        assertTrue(listener.relayStatus().isEmpty(), "a host without the relay service has no relay status");
        Connection c = await(dialer.dial(reserve(listener, relay)));
        RelayStatus before = relay.relayStatus().orElseThrow();
        assertEquals(1, before.reservations().size());
        assertEquals(listener.peerId(), before.reservations().get(0).peer());
        assertTrue(before.reservations().get(0).expiry().isAfter(java.time.Instant.now().plusSeconds(3000)));
        eventually("the circuit to show", () -> relay.relayStatus().orElseThrow().circuits().size() == 1);
        Traffic relayTrafficBefore = relay.traffic();
        long size = 3 * MIB;
        await(c.newStream(EchoProtocol.ID).thenCompose(s -> EchoClient.run(s, size)));
        RelayStatus.Circuit circuit = relay.relayStatus().orElseThrow().circuits().get(0);
        assertEquals(dialer.peerId(), circuit.source());
        assertEquals(listener.peerId(), circuit.target());
        // the echoed bytes crossed the circuit both ways, with Noise and Yamux framing on top
        assertTrue(circuit.bytesToTarget() > size && circuit.bytesToTarget() < size * 11 / 10, "" + circuit);
        assertTrue(circuit.bytesToSource() > size && circuit.bytesToSource() < size * 11 / 10, "" + circuit);
        Traffic relayTraffic = relay.traffic();
        // the relay read each byte once from one side and wrote it once to the other, plus its own framing
        assertTrue(relayTraffic.bytesIn() - relayTrafficBefore.bytesIn() >= 2 * size, "" + relayTraffic);
        assertTrue(relayTraffic.bytesOut() - relayTrafficBefore.bytesOut() >= 2 * size, "" + relayTraffic);
        assertTrue(c.traffic().bytesOut() > size && c.traffic().bytesIn() > size, "" + c.traffic());
        await(c.close());
        eventually("the circuit to end", () -> relay.relayStatus().orElseThrow().circuits().isEmpty());
        RelayStatus after = relay.relayStatus().orElseThrow();
        assertEquals(1, after.circuitsServed());
        assertTrue(after.bytesRelayed() >= circuit.bytesToTarget() + circuit.bytesToSource());
    }

    @Test
    void dataLimitClosesTheCircuit() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults().withCircuitLimit(Duration.ofHours(1), MIB));
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        Connection c = await(dialer.dial(reserve(listener, relay)));
        await(c.newStream(EchoProtocol.ID).thenCompose(s -> EchoClient.run(s, 100 * 1024)));
        failure(c.newStream(EchoProtocol.ID).thenCompose(s -> EchoClient.run(s, 4 * MIB)));
        await(c.closeFuture());
        eventually("the listener's side to close", () -> listener.connections(dialer.peerId()).isEmpty());
        eventually("the circuit to be released", () -> relay.relayService().orElseThrow().circuitCount() == 0);
        // the relay itself and the reservation survive: a new circuit works
        Connection again = await(dialer.dial(reserve(listener, relay)));
        assertTrue(await(again.newStream(PingProtocol.ID).thenCompose(
                PingProtocol::ping)).toMillis() < 5000);
    }

    @Test
    void durationLimitClosesTheCircuit() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults().withCircuitLimit(Duration.ofSeconds(1), MIB * 1024));
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        Connection c = await(dialer.dial(reserve(listener, relay)));
        long start = System.nanoTime();
        c.closeFuture().get(10, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms >= 500 && ms < 5000, "closed after " + ms + " ms");
        eventually("the listener's side to close", () -> listener.connections(dialer.peerId()).isEmpty());
    }

    @Test
    void reservationsOverTheCapAreRefused() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults().withMaxReservations(1));
        NettyHost first = hosts.start();
        NettyHost second = hosts.start();
        reserve(first, relay);
        reserve(first, relay); // a refresh of the same peer is not a new reservation
        P2pException e = failure(second.listen(addressOf(relay).encapsulate(Multiaddr.parse("/p2p-circuit"))));
        assertEquals(P2pException.Reason.LIMIT_EXCEEDED, e.reason());
        assertFalse(second.listenAddresses().stream().anyMatch(Multiaddr::isRelayed));
        assertEquals(1, first.listenAddresses().stream().filter(Multiaddr::isRelayed).count());
    }

    @Test
    void reservationIsRefreshedBeforeItExpires() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults().withReservationTtl(Duration.ofSeconds(2)));
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        Multiaddr circuit = reserve(listener, relay);
        Thread.sleep(4500); // past two lifetimes: refreshed at 3/4 of each
        assertEquals(1, relay.relayService().orElseThrow().reservationCount());
        assertTrue(await(dialer.dial(circuit)).isRelayed());
    }

    @Test
    void reservationsPerIpAreCapped() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults().withMaxReservationsPerIp(2));
        reserve(hosts.start(), relay);
        reserve(hosts.start(), relay);
        NettyHost third = hosts.start();
        P2pException e = failure(third.listen(addressOf(relay).encapsulate(Multiaddr.parse("/p2p-circuit"))));
        assertEquals(P2pException.Reason.LIMIT_EXCEEDED, e.reason());
        assertEquals(2, relay.relayService().orElseThrow().reservationCount());
    }

    @Test
    void reservationEndsWithItsConnectionAndIsMadeAgain() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults());
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        Multiaddr circuit = reserve(listener, relay);
        await(listener.connections(relay.peerId()).get(0).close());
        // the listener notices and reserves again about a second later
        eventually("a new reservation", () -> listener.connections(relay.peerId()).stream()
                .anyMatch(Connection::isOpen) && relay.relayService().orElseThrow().reservationCount() == 1);
        assertTrue(await(dialer.dial(circuit)).isRelayed());
    }

    @Test
    void circuitCapAndMissingReservation() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults().withCircuits(1, 1));
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        NettyHost other = hosts.start();
        Multiaddr unreserved = addressOf(relay).encapsulate(Multiaddr.parse("/p2p-circuit"))
                .withPeerId(other.peerId());
        assertEquals(P2pException.Reason.DIAL_FAILED, failure(dialer.dial(unreserved)).reason());
        Multiaddr circuit = reserve(listener, relay);
        await(dialer.dial(circuit));
        assertEquals(P2pException.Reason.DIAL_FAILED, failure(other.dial(circuit)).reason());
    }

    @Test
    void relayGoneEndsBothSides() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults());
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        Connection c = await(dialer.dial(reserve(listener, relay)));
        Stream s = await(c.newStream(EchoProtocol.ID));
        CompletableFuture<Duration> echo = EchoClient.run(s, 1024 * MIB);
        Thread.sleep(200);
        relay.close();
        failure(echo);
        c.closeFuture().get(10, TimeUnit.SECONDS);
        eventually("the listener's side to close", () -> listener.connections(dialer.peerId()).isEmpty());
    }

    @Test
    void garbageHopAndStopMessagesAreAnswered() throws Exception {
        NettyHost relay = relay(RelayConfig.defaults());
        NettyHost client = hosts.start();
        Connection c = await(client.dial(addressOf(relay)));
        // not protobuf
        assertEquals(RelayMessage.MALFORMED_MESSAGE, exchange(c, RelayMessage.HOP, new byte[] {(byte) 0xff, 7, 7}));
        // a STATUS sent to the relay
        assertEquals(RelayMessage.UNEXPECTED_MESSAGE, exchange(c, RelayMessage.HOP,
                RelayMessage.hopStatus(RelayMessage.OK).encode()));
        // CONNECT without a peer
        assertEquals(RelayMessage.MALFORMED_MESSAGE, exchange(c, RelayMessage.HOP,
                RelayMessage.of(true, RelayMessage.HOP_CONNECT, null).encode()));
        // a stop CONNECT without a peer, sent by a would-be relay to a client
        Connection toClient = await(relay.dial(addressOf(client)));
        assertEquals(RelayMessage.MALFORMED_MESSAGE, exchange(toClient, RelayMessage.STOP, new byte[] {8}));
        assertEquals(RelayMessage.MALFORMED_MESSAGE, exchange(toClient, RelayMessage.STOP, new byte[] {0x12, 9}));
        // an oversized length prefix: refused, the connection lives on
        Stream s = await(c.newStream(RelayMessage.HOP));
        await(s.write(Varint.encode(1 << 20)));
        assertEquals(RelayMessage.MALFORMED_MESSAGE, await(RelayMessage.readFrom(new StreamReader(s), true)).status());
        assertTrue(c.isOpen());
        assertTrue(await(client.ping(relay.peerId())).toMillis() < 5000);
    }

    @Test
    void connectTakesExactlyThePathItIsGiven() throws Exception {
        NettyHost relay1 = relay(RelayConfig.defaults());
        NettyHost relay2 = relay(RelayConfig.defaults());
        NettyHost listener = hosts.start();
        NettyHost dialer = hosts.start();
        Multiaddr via1 = reserve(listener, relay1);
        Multiaddr via2 = reserve(listener, relay2);
        Connection direct = await(dialer.dial(addressOf(listener)));
        assertFalse(direct.isRelayed());
        // an open direct connection is not reused, and the address book (which knows the direct address) is not tried
        Connection relayed = await(dialer.connect(listener.peerId(), via2));
        assertTrue(relayed.isRelayed());
        assertEquals(listener.peerId(), relayed.remotePeer());
        assertTrue(relayed.remoteAddress().toString().contains("/p2p/" + relay2.peerId() + "/p2p-circuit"),
                relayed.remoteAddress().toString());
        assertTrue(await(relayed.newStream(PingProtocol.ID)).isOpen());
        Connection again = await(dialer.connect(listener.peerId(), addressOf(listener)));
        assertFalse(again.isRelayed());
        assertTrue(again != direct, "a second direct connection");
        relay1.close();
        assertEquals(P2pException.Reason.DIAL_FAILED, failure(dialer.connect(listener.peerId(), via1)).reason(),
                "a dead relay fails its path only");
        assertEquals(P2pException.Reason.PEER_ID_MISMATCH, failure(dialer.connect(relay2.peerId(), via2)).reason(),
                "an address of another peer is refused");
        assertTrue(relayed.isOpen() && direct.isOpen());
    }

    private static int exchange(Connection c, String protocol, byte[] message) throws Exception {
        Stream s = await(c.newStream(protocol));
        byte[] framed = new byte[Varint.size(message.length) + message.length];
        System.arraycopy(message, 0, framed, Varint.write(framed, 0, message.length), message.length);
        await(s.write(framed));
        RelayMessage answer = await(RelayMessage.readFrom(new StreamReader(s), protocol.equals(RelayMessage.HOP)));
        s.reset();
        return answer.status();
    }
}
