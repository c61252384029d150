package org.hamster.p2p.internal.relay;

import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Direction;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.MultiaddrComponent;
import org.hamster.p2p.MultiaddrProtocol;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.host.ConnectionImpl;
import org.hamster.p2p.internal.host.NettyHost;
import org.hamster.p2p.internal.host.StreamChannels;
import org.hamster.p2p.internal.host.Transport;
import org.hamster.p2p.internal.protocols.StreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of circuit relay v2. Dials {@code [<relay addr>]/p2p/<relay>/p2p-circuit/p2p/<peer>}: connects
 * to the relay, sends hop CONNECT and upgrades the hop stream (Noise + Yamux) as an outbound connection. Listens
 * on {@code [<relay addr>]/p2p/<relay>/p2p-circuit}: reserves a slot on the relay, refreshes it before it expires
 * (and soon after the relay connection drops), and serves the stop protocol, upgrading each stop stream as an
 * inbound connection.
 */
public final class RelayTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(RelayTransport.class);
    private static final long RETRY_MS = 5_000;
    private final NettyHost host;
    private final Map<Multiaddr, Listener> listeners = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public RelayTransport(NettyHost host) {
        this.host = host;
        host.setStreamHandler(RelayMessage.STOP, this::serveStop);
    }

    /** The relay part (up to and with {@code /p2p/<relay>}) of a circuit address, or null when it has none. */
    static Multiaddr relayPart(Multiaddr address) {
        List<MultiaddrComponent> c = address.components();
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i).protocol() == MultiaddrProtocol.P2P_CIRCUIT) {
                if (i == 0) {
                    return null;
                }
                Multiaddr relay = Multiaddr.of(c.subList(0, i));
                return relay.peerId().isPresent() ? relay : null;
            }
        }
        return null;
    }

    /** The components after {@code /p2p-circuit}. */
    private static List<MultiaddrComponent> after(Multiaddr address) {
        List<MultiaddrComponent> c = address.components();
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i).protocol() == MultiaddrProtocol.P2P_CIRCUIT) {
                return c.subList(i + 1, c.size());
            }
        }
        return List.of();
    }

    @Override
    public boolean canDial(Multiaddr address) {
        List<MultiaddrComponent> rest = after(address); // the dialer may strip the trailing /p2p/<peer>
        return relayPart(address) != null && (rest.isEmpty()
                || rest.size() == 1 && rest.get(0).protocol() == MultiaddrProtocol.P2P);
    }

    @Override
    public boolean canListen(Multiaddr address) {
        return relayPart(address) != null && after(address).isEmpty()
                && address.components().get(address.components().size() - 1).protocol()
                        == MultiaddrProtocol.P2P_CIRCUIT;
    }

    private CompletableFuture<Connection> dialRelay(Multiaddr relay) {
        PeerId id = relay.peerId().orElseThrow();
        return relay.components().size() == 1 ? host.dial(id, List.of()) : host.dial(relay);
    }

    @Override
    public CompletableFuture<ConnectionImpl> dial(Multiaddr address, PeerId expected) {
        Multiaddr relay = relayPart(address);
        PeerId target = address.peerId().orElse(expected);
        if (target == null) {
            return CompletableFuture.failedFuture(new P2pException(P2pException.Reason.DIAL_FAILED,
                    address + " names no peer behind the relay"));
        }
        if (expected != null && !expected.equals(target)) {
            return CompletableFuture.failedFuture(new P2pException(P2pException.Reason.PEER_ID_MISMATCH,
                    address + " is not an address of " + expected));
        }
        Multiaddr remote = relay.encapsulate(RelayService.circuit());
        return dialRelay(relay).thenCompose(c -> c.newStream(RelayMessage.HOP)).thenCompose(hop -> {
            StreamReader reader = new StreamReader(hop);
            return RelayMessage.of(true, RelayMessage.HOP_CONNECT, target).writeTo(hop)
                    .thenCompose(v -> RelayMessage.readFrom(reader, true)).thenCompose(m -> {
                        if (m.type() != RelayMessage.HOP_STATUS || m.status() != RelayMessage.OK) {
                            throw new CompletionException(new P2pException(P2pException.Reason.DIAL_FAILED,
                                    "relay " + relay + " refused to connect to " + target + ": status "
                                            + m.status()));
                        }
                        return upgrade(hop, reader.takeLeftover(), Direction.OUTBOUND, target, remote);
                    }).whenComplete((c, e) -> {
                        if (e != null) {
                            hop.reset();
                        }
                    });
        });
    }

    private CompletableFuture<ConnectionImpl> upgrade(Stream stream, byte[] leftover, Direction direction,
            PeerId expected, Multiaddr remote) {
        Multiaddr local = stream.connection().localAddress();
        CompletableFuture<ConnectionImpl> result = new CompletableFuture<>();
        StreamChannels.takeOver(stream, ch -> {
            host.upgrader().upgrade(ch, direction, expected, x -> local, x -> remote).whenComplete((c, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(c);
                }
            });
            if (leftover.length > 0) {
                ch.pipeline().fireChannelRead(Unpooled.wrappedBuffer(leftover));
            }
        }).whenComplete((v, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void serveStop(Stream stop) {
        StreamReader reader = new StreamReader(stop);
        Connection relayConn = stop.connection();
        Multiaddr remote = relayConn.remoteAddress().withPeerId(relayConn.remotePeer())
                .encapsulate(RelayService.circuit());
        if (relayConn.isRelayed()) { // no circuits inside circuits
            RelayMessage.stopStatus(RelayMessage.PERMISSION_DENIED).writeTo(stop).thenCompose(v -> stop.close());
            return;
        }
        RelayMessage.readFrom(reader, false).whenComplete((m, e) -> {
            int status = e != null || m.peer() == null ? RelayMessage.MALFORMED_MESSAGE
                    : m.type() != RelayMessage.STOP_CONNECT ? RelayMessage.UNEXPECTED_MESSAGE : RelayMessage.OK;
            if (status != RelayMessage.OK) {
                RelayMessage.stopStatus(status).writeTo(stop).thenCompose(v -> stop.close())
                        .whenComplete((v, x) -> {
                            if (x != null) {
                                stop.reset();
                            }
                        });
                return;
            }
            RelayMessage.stopStatus(RelayMessage.OK).writeTo(stop)
                    .thenCompose(v -> upgrade(stop, reader.takeLeftover(), Direction.INBOUND, null, remote))
                    .whenComplete((c, x) -> {
                        if (x != null) {
                            LOG.info("p2p relay: inbound relayed connection from {} failed: {}", m.peer(),
                                    x.toString());
                            stop.reset();
                        } else {
                            LOG.info("p2p relay: relayed connection from {} via {}", c.remotePeer(),
                                    relayConn.remotePeer());
                        }
                    });
        });
    }

    @Override
    public CompletableFuture<Multiaddr> listen(Multiaddr address) {
        Multiaddr relay = relayPart(address);
        Listener l = new Listener(relay, relay.encapsulate(RelayService.circuit()));
        return l.reserve().thenApply(expire -> {
            Listener old = listeners.put(l.address, l);
            if (old != null) {
                old.cancel();
            }
            l.scheduleRefresh(expire);
            return l.address;
        });
    }

    @Override
    public void close() {
        closed = true;
        listeners.values().forEach(Listener::cancel);
        listeners.clear();
    }

    /** One reservation on one relay, kept alive. */
    private final class Listener {
        final Multiaddr relay;
        final Multiaddr address;
        volatile ScheduledFuture<?> timer;
        volatile Connection watched;

        Listener(Multiaddr relay, Multiaddr address) {
            this.relay = relay;
            this.address = address;
        }

        /** Reserves; completes with the expiry. */
        CompletableFuture<Instant> reserve() {
            return dialRelay(relay).thenCompose(c -> c.newStream(RelayMessage.HOP).thenCompose(hop -> {
                StreamReader reader = new StreamReader(hop);
                return RelayMessage.of(true, RelayMessage.HOP_RESERVE, null).writeTo(hop)
                        .thenCompose(v -> RelayMessage.readFrom(reader, true)).thenApply(m -> {
                            if (m.type() != RelayMessage.HOP_STATUS || m.status() != RelayMessage.OK) {
                                throw new CompletionException(new P2pException(
                                        P2pException.Reason.LIMIT_EXCEEDED, "relay " + relay
                                                + " refused the reservation: status " + m.status()));
                            }
                            hop.close();
                            watch(c);
                            Instant now = Instant.now();
                            Instant expire = m.expire() == null ? now.plusSeconds(60)
                                    : Instant.ofEpochSecond(m.expire());
                            LOG.info("p2p relay: reserved on {} until {}", relay, expire);
                            return expire.isBefore(now) ? now.plusSeconds(60) : expire;
                        }).whenComplete((v, e) -> {
                            if (e != null) {
                                hop.reset();
                            }
                        });
            }));
        }

        void watch(Connection c) {
            if (watched == c) {
                return;
            }
            watched = c;
            c.closeFuture().whenComplete((v, e) -> {
                if (!closed && watched == c && listeners.get(address) == this) {
                    LOG.info("p2p relay: connection to relay {} closed; reserving again", relay);
                    schedule(1000);
                }
            });
        }

        void scheduleRefresh(Instant expire) {
            long left = expire.toEpochMilli() - System.currentTimeMillis();
            schedule(Math.max(1000, left * 3 / 4));
        }

        void schedule(long ms) {
            cancel();
            if (closed || listeners.get(address) != this) {
                return;
            }
            timer = host.eventLoopGroup().schedule(() -> reserve().whenComplete((expire, e) -> {
                if (e != null) {
                    LOG.info("p2p relay: refreshing the reservation on {} failed: {}", relay, e.toString());
                    schedule(RETRY_MS);
                } else {
                    scheduleRefresh(expire);
                }
            }), ms, TimeUnit.MILLISECONDS);
        }

        void cancel() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
