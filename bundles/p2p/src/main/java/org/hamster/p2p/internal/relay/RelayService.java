package org.hamster.p2p.internal.relay;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.hamster.common.HamsterException;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.MultiaddrProtocol;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.RelayConfig;
import org.hamster.p2p.RelayStatus;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.host.NettyHost;
import org.hamster.p2p.internal.protocols.StreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit relay v2 hop service: grants reservations (capped in number, each for {@code reservationTtl} and
 * tied to the reserving connection) and serves CONNECT by opening a stop stream to the reserved target and
 * bridging the two streams ({@link CircuitBridge}), which resets both past {@code circuitData} bytes in one
 * direction or after {@code circuitDuration}.
 */
public final class RelayService {
    private static final Logger LOG = LoggerFactory.getLogger(RelayService.class);
    private final NettyHost host;
    private final RelayConfig config;
    private final Map<PeerId, Reservation> reservations = new ConcurrentHashMap<>();
    private final AtomicInteger circuits = new AtomicInteger();
    private final Map<PeerId, AtomicInteger> circuitsPerPeer = new ConcurrentHashMap<>();
    private final Map<Long, CircuitBridge> open = new ConcurrentHashMap<>();
    private final AtomicLong served = new AtomicLong();
    private final LongAdder relayed = new LongAdder();

    private record Reservation(Connection connection, Instant expiry) {
    }

    public RelayService(NettyHost host, RelayConfig config) {
        this.host = host;
        this.config = config;
    }

    public void install() {
        host.setStreamHandler(RelayMessage.HOP, this::serve);
    }

    /** Reservations currently held. */
    public int reservationCount() {
        purge();
        return reservations.size();
    }

    /** Reservations and open circuits now, and totals since the start. */
    public RelayStatus status() {
        purge();
        List<RelayStatus.Reservation> rs = reservations.entrySet().stream()
                .map(e -> new RelayStatus.Reservation(e.getKey(), e.getValue().connection().remoteAddress(),
                        e.getValue().expiry()))
                .sorted(Comparator.comparing(r -> r.peer().toString())).toList();
        List<RelayStatus.Circuit> cs = open.values().stream().map(CircuitBridge::info)
                .sorted(Comparator.comparingLong(RelayStatus.Circuit::id)).toList();
        return new RelayStatus(rs, cs, served.get(), relayed.sum());
    }

    /** Circuits currently open. */
    public int circuitCount() {
        return circuits.get();
    }

    private void serve(Stream stream) {
        StreamReader reader = new StreamReader(stream);
        RelayMessage.readFrom(reader, true).whenComplete((m, e) -> {
            if (e != null) {
                LOG.debug("p2p relay: bad hop message from {}: {}", stream.connection().remotePeer(), e.toString());
                answer(stream, RelayMessage.MALFORMED_MESSAGE);
            } else if (m.type() == RelayMessage.HOP_RESERVE) {
                reserve(stream);
            } else if (m.type() == RelayMessage.HOP_CONNECT) {
                connect(stream, reader, m);
            } else {
                answer(stream, RelayMessage.UNEXPECTED_MESSAGE);
            }
        });
    }

    private static void answer(Stream stream, int status) {
        RelayMessage.hopStatus(status).writeTo(stream).thenCompose(v -> stream.close()).whenComplete((v, e) -> {
            if (e != null) {
                stream.reset();
            }
        });
    }

    private void purge() {
        Instant now = Instant.now();
        reservations.values().removeIf(r -> r.expiry().isBefore(now) || !r.connection().isOpen());
    }

    private void reserve(Stream stream) {
        Connection c = stream.connection();
        PeerId peer = c.remotePeer();
        if (c.isRelayed()) {
            answer(stream, RelayMessage.PERMISSION_DENIED);
            return;
        }
        purge();
        Instant expiry = Instant.now().plus(config.reservationTtl());
        Reservation mine = new Reservation(c, expiry);
        boolean granted;
        String ip = ip(c);
        synchronized (reservations) {
            long sameIp = reservations.entrySet().stream().filter(x -> !x.getKey().equals(peer)
                    && ip.equals(ip(x.getValue().connection()))).count();
            granted = reservations.containsKey(peer) || reservations.size() < config.maxReservations()
                    && sameIp < config.maxReservationsPerIp();
            if (granted) {
                reservations.put(peer, mine);
            }
        }
        if (!granted) {
            LOG.info("p2p relay: reservation of {} from {} refused: {} held", peer, ip, reservations.size());
            answer(stream, RelayMessage.RESERVATION_REFUSED);
            return;
        }
        c.closeFuture().whenComplete((v, e) -> reservations.remove(peer, mine));
        List<Multiaddr> addrs = host.listenAddresses().stream().filter(a -> !a.isRelayed())
                .map(a -> a.withPeerId(host.peerId()).encapsulate(circuit())).toList();
        LOG.info("p2p relay: reservation for {} until {}", peer, expiry);
        RelayMessage.hopStatus(RelayMessage.OK).withReservation(expiry.getEpochSecond(), addrs)
                .withLimit(config.circuitDuration().toSeconds(), config.circuitData()).writeTo(stream)
                .thenCompose(v -> stream.close()).whenComplete((v, e) -> {
                    if (e != null) {
                        stream.reset();
                    }
                });
    }

    private static String ip(Connection c) {
        Multiaddr a = c.remoteAddress();
        return a.value(MultiaddrProtocol.IP4).or(() -> a.value(MultiaddrProtocol.IP6)).orElse(a.toString());
    }

    static Multiaddr circuit() {
        try {
            return Multiaddr.parse("/p2p-circuit");
        } catch (HamsterException e) {
            throw new IllegalStateException(e);
        }
    }

    private void connect(Stream hop, StreamReader hopReader, RelayMessage m) {
        PeerId src = hop.connection().remotePeer();
        PeerId target = m.peer();
        if (target == null) {
            answer(hop, RelayMessage.MALFORMED_MESSAGE);
            return;
        }
        if (hop.connection().isRelayed()) {
            answer(hop, RelayMessage.PERMISSION_DENIED);
            return;
        }
        purge();
        Reservation r = reservations.get(target);
        if (r == null) {
            answer(hop, RelayMessage.NO_RESERVATION);
            return;
        }
        if (!acquire(src, target)) {
            answer(hop, RelayMessage.RESOURCE_LIMIT_EXCEEDED);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                circuits.decrementAndGet();
                circuitsPerPeer.get(src).decrementAndGet();
                circuitsPerPeer.get(target).decrementAndGet();
            }
        };
        long seconds = config.circuitDuration().toSeconds();
        long data = config.circuitData();
        r.connection().newStream(RelayMessage.STOP).thenCompose(stop -> {
            StreamReader stopReader = new StreamReader(stop);
            return RelayMessage.of(false, RelayMessage.STOP_CONNECT, src).withLimit(seconds, data).writeTo(stop)
                    .thenCompose(v -> RelayMessage.readFrom(stopReader, false)).thenApply(answer -> {
                        if (answer.type() != RelayMessage.STOP_STATUS || answer.status() != RelayMessage.OK) {
                            stop.reset();
                            throw new IllegalStateException("the target answered " + answer.status());
                        }
                        return new Object[] {stop, stopReader};
                    }).whenComplete((v, e) -> {
                        if (e != null) {
                            stop.reset();
                        }
                    });
        }).whenComplete((pair, e) -> {
            if (e != null) {
                LOG.info("p2p relay: circuit {} -> {} failed: {}", src, target, e.toString());
                release.run();
                answer(hop, RelayMessage.CONNECTION_FAILED);
                return;
            }
            Stream stop = (Stream) pair[0];
            StreamReader stopReader = (StreamReader) pair[1];
            RelayMessage.hopStatus(RelayMessage.OK).withLimit(seconds, data).writeTo(hop).whenComplete((v, x) -> {
                if (x != null) {
                    stop.reset();
                    hop.reset();
                    release.run();
                } else {
                    LOG.info("p2p relay: circuit {} -> {} open", src, target);
                    long id = served.incrementAndGet();
                    open.put(id, CircuitBridge.splice(id, hop, hopReader.takeLeftover(), stop,
                            stopReader.takeLeftover(), data, seconds, host.eventLoopGroup(), relayed, () -> {
                                open.remove(id);
                                release.run();
                            }));
                }
            });
        });
    }

    private boolean acquire(PeerId src, PeerId target) {
        synchronized (circuitsPerPeer) {
            AtomicInteger a = circuitsPerPeer.computeIfAbsent(src, p -> new AtomicInteger());
            AtomicInteger b = circuitsPerPeer.computeIfAbsent(target, p -> new AtomicInteger());
            if (circuits.get() >= config.maxCircuits() || a.get() >= config.maxCircuitsPerPeer()
                    || b.get() >= config.maxCircuitsPerPeer()) {
                return false;
            }
            circuits.incrementAndGet();
            a.incrementAndGet();
            b.incrementAndGet();
            return true;
        }
    }
}
