package org.hamster.p2p.internal.host;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.hamster.p2p.Connection;
import org.hamster.p2p.ConnectionListener;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.PeerInfo;
import org.hamster.p2p.RelayStatus;
import org.hamster.p2p.Stream;
import org.hamster.p2p.StreamHandler;
import org.hamster.p2p.Traffic;
import org.hamster.p2p.internal.protocols.IdentifyProtocol;
import org.hamster.p2p.internal.relay.RelayService;
import org.hamster.p2p.internal.relay.RelayTransport;
import org.hamster.p2p.internal.protocols.PingProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Host} on Netty: NIO event loops, the TCP transport and the libp2p connection upgrade. */
public final class NettyHost implements Host {
    private static final Logger LOG = LoggerFactory.getLogger(NettyHost.class);
    private final HostConfig config;
    private final EventLoopGroup group;
    private final InboundStreams inbound;
    private final ConnectionManager connections;
    private final AddressBook book = new AddressBook();
    private final Upgrader upgrader;
    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    private final List<Multiaddr> listenAddresses = new CopyOnWriteArrayList<>();
    private final Dialer dialer;
    private final RelayService relay;
    private volatile boolean closed;

    public NettyHost(HostConfig config) {
        this.config = config;
        this.group = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("hamster-p2p-io", true));
        this.inbound = new InboundStreams(config.requestTimeout());
        this.connections = new ConnectionManager(config.maxConnections());
        this.upgrader = new Upgrader(config, connections, inbound);
        this.dialer = new Dialer(config.identity().peerId(), connections, book, () -> transports);
        transports.add(new TcpTransport(group, upgrader, config));
        transports.add(new RelayTransport(this));
        if (config.relay() != null) {
            relay = new RelayService(this, config.relay());
            relay.install();
        } else {
            relay = null;
        }
        inbound.set(PingProtocol.ID, PingProtocol::serve);
        inbound.set(IdentifyProtocol.ID, s -> IdentifyProtocol.serve(s, IdentifyProtocol.encode(config.identity(),
                config.agentVersion(), listenAddresses, s.connection().remoteAddress(), inbound.protocols())));
    }

    /** Adds a transport (the extension point for circuit relay); it is tried after the ones added before. */
    public void addTransport(Transport transport) {
        transports.add(transport);
    }

    @Override
    public Traffic traffic() {
        return upgrader.traffic();
    }

    @Override
    public java.util.Optional<RelayStatus> relayStatus() {
        return relayService().map(RelayService::status);
    }

    /** The circuit relay hop service, if {@link HostConfig#relay()} enabled it. */
    public java.util.Optional<RelayService> relayService() {
        return java.util.Optional.ofNullable(relay);
    }

    public Upgrader upgrader() {
        return upgrader;
    }

    public EventLoopGroup eventLoopGroup() {
        return group;
    }

    @Override
    public PeerId peerId() {
        return config.identity().peerId();
    }

    @Override
    public CompletableFuture<Multiaddr> listen(Multiaddr address) {
        if (closed) {
            return closedFuture();
        }
        return transports.stream().filter(t -> t.canListen(address)).findFirst()
                .map(t -> t.listen(address).thenApply(bound -> {
                    if (!listenAddresses.contains(bound)) { // a relay reservation may be made again
                        listenAddresses.add(bound);
                    }
                    LOG.info("p2p: listening on {}/p2p/{}", bound, peerId());
                    return bound;
                }))
                .orElseGet(() -> CompletableFuture.failedFuture(new P2pException(P2pException.Reason.NO_TRANSPORT,
                        "no transport listens on " + address)));
    }

    @Override
    public List<Multiaddr> listenAddresses() {
        return List.copyOf(listenAddresses);
    }

    @Override
    public CompletableFuture<Connection> dial(PeerId peer, Collection<Multiaddr> addresses) {
        return closed ? closedFuture() : dialer.dial(peer, addresses);
    }

    @Override
    public CompletableFuture<Connection> dial(Multiaddr address) {
        return closed ? closedFuture() : dialer.dial(address.peerId().orElse(null), List.of(address));
    }

    @Override
    public CompletableFuture<Connection> connect(PeerId peer, Multiaddr address) {
        return closed ? closedFuture() : dialer.connect(peer, address);
    }

    @Override
    public CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols) {
        return dial(peer, List.of()).thenCompose(c -> c.newStream(protocols));
    }

    @Override
    public void setStreamHandler(String protocol, StreamHandler handler) {
        inbound.set(protocol, handler);
    }

    @Override
    public void removeStreamHandler(String protocol) {
        inbound.remove(protocol);
    }

    @Override
    public Set<String> protocols() {
        return Set.copyOf(inbound.protocols());
    }

    @Override
    public List<Connection> connections() {
        return connections.all();
    }

    @Override
    public List<Connection> connections(PeerId peer) {
        return connections.of(peer);
    }

    @Override
    public void addAddresses(PeerId peer, Collection<Multiaddr> addresses) {
        book.add(peer, addresses);
    }

    @Override
    public List<Multiaddr> addresses(PeerId peer) {
        return book.get(peer);
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        connections.addListener(listener);
    }

    @Override
    public void removeConnectionListener(ConnectionListener listener) {
        connections.removeListener(listener);
    }

    @Override
    public CompletableFuture<Duration> ping(PeerId peer) {
        return request(peer, PingProtocol.ID, PingProtocol::ping);
    }

    @Override
    public CompletableFuture<PeerInfo> identify(PeerId peer) {
        return request(peer, IdentifyProtocol.ID, IdentifyProtocol::request).thenApply(info -> {
            book.add(peer, info.listenAddresses());
            return info;
        });
    }

    private <T> CompletableFuture<T> request(PeerId peer, String protocol,
            Function<Stream, CompletableFuture<T>> exchange) {
        long timeout = config.requestTimeout().toMillis();
        return newStream(peer, protocol).thenCompose(s -> exchange.apply(s).orTimeout(timeout, TimeUnit.MILLISECONDS)
                .handle((v, e) -> {
                    if (e == null) {
                        return v;
                    }
                    s.reset();
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    throw new CompletionException(cause instanceof TimeoutException
                            ? new P2pException(P2pException.Reason.TIMEOUT, protocol + " to " + peer
                                    + " got no answer within " + timeout + " ms") : cause);
                }));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean onIoThread = false;
        for (EventExecutor e : group) {
            onIoThread |= e.inEventLoop();
        }
        transports.forEach(Transport::close);
        CompletableFuture<Void> closing = CompletableFuture.allOf(connections.all().stream().map(Connection::close)
                .toArray(CompletableFuture[]::new));
        if (onIoThread) { // called from a callback: waiting here would block the very threads that close
            closing.whenComplete((v, e) -> group.shutdownGracefully(0, 2, TimeUnit.SECONDS));
            return;
        }
        closing.orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.debug("p2p: host {} closed", peerId());
    }

    private static <T> CompletableFuture<T> closedFuture() {
        return CompletableFuture.failedFuture(new P2pException(P2pException.Reason.CLOSED, "the host is closed"));
    }
}
