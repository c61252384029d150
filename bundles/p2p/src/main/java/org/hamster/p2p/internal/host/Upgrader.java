package org.hamster.p2p.internal.host;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hamster.p2p.Direction;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.Traffic;
import org.hamster.p2p.internal.WireException;
import org.hamster.p2p.internal.multistream.MultistreamHandler;
import org.hamster.p2p.internal.noise.NoiseHandshakeHandler;
import org.hamster.p2p.internal.yamux.YamuxConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw channel into a {@link ConnectionImpl} (libp2p connection upgrade): multistream-select
 * {@value #NOISE}, the Noise XX handshake, multistream-select {@value #YAMUX}, then the Yamux session. The raw
 * channel may be a TCP socket or, for a relay transport, a stream of another connection: only the Netty
 * {@link Channel} contract is used. Each step fails the upgrade and closes the channel on bad input, on close
 * and after the handshake timeout; successful connections are registered with the {@link ConnectionManager}.
 */
public final class Upgrader {
    public static final String NOISE = "/noise";
    public static final String YAMUX = "/yamux/1.0.0";
    private static final Logger LOG = LoggerFactory.getLogger(Upgrader.class);
    private final HostConfig config;
    private final YamuxConfig yamux;
    private final ConnectionManager connections;
    private final InboundStreams inbound;
    private final TrafficMeter.HostTotals totals;

    Upgrader(HostConfig config, ConnectionManager connections, InboundStreams inbound) {
        this.config = config;
        this.connections = connections;
        this.totals = new TrafficMeter.HostTotals();
        this.inbound = inbound;
        this.yamux = new YamuxConfig(config.streamWindow(), config.maxStreamsPerConnection(), 256, 16 * 1024,
                config.keepAliveInterval(), config.streamLinger());
    }

    /** Bytes over all TCP connections this upgrader secured. */
    Traffic traffic() {
        return totals.traffic();
    }

    /**
     * Upgrades {@code raw}; {@code expected} is the dialed peer (null to accept any, and always null for inbound).
     * Install it before the channel is active (from its initializer) or, for an active channel, on its event loop
     * before anything is read: bytes that arrive earlier would miss the handlers. The addresses are asked for
     * once the connection is up. The future completes on the channel's event loop.
     */
    public CompletableFuture<ConnectionImpl> upgrade(Channel raw, Direction direction, PeerId expected,
            Function<Channel, Multiaddr> local, Function<Channel, Multiaddr> remote) {
        Attempt attempt = new Attempt(raw, direction, expected, local, remote);
        if (raw.eventLoop().inEventLoop()) {
            attempt.start(); // before the first read: an accepted socket may already hold the remote's first bytes
        } else {
            raw.eventLoop().execute(attempt::start);
        }
        return attempt.result;
    }

    private final class Attempt {
        final CompletableFuture<ConnectionImpl> result = new CompletableFuture<>();
        final Channel raw;
        final Direction direction;
        final PeerId expected;
        final Function<Channel, Multiaddr> local;
        final Function<Channel, Multiaddr> remote;
        final TrafficMeter meter;
        ScheduledFuture<?> timer;

        Attempt(Channel raw, Direction direction, PeerId expected, Function<Channel, Multiaddr> local,
                Function<Channel, Multiaddr> remote) {
            this.raw = raw;
            this.direction = direction;
            this.expected = expected;
            this.local = local;
            this.remote = remote;
            this.meter = new TrafficMeter(raw instanceof SocketChannel ? totals : null);
        }

        void start() {
            if (!connections.tryReserve()) {
                fail(new P2pException(P2pException.Reason.LIMIT_EXCEEDED, config.maxConnections()
                        + " connections are open"));
                return;
            }
            raw.closeFuture().addListener(f -> {
                connections.release();
                fail(new WireException(P2pException.Reason.CONNECTION_CLOSED, "closed during the upgrade"));
            });
            timer = raw.eventLoop().schedule(() -> fail(new WireException(P2pException.Reason.TIMEOUT,
                    "no secured connection after " + config.handshakeTimeout().toMillis() + " ms")),
                    config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            boolean initiator = direction == Direction.OUTBOUND;
            MultistreamHandler security = initiator
                    ? MultistreamHandler.initiator(List.of(NOISE), config.handshakeTimeout(), listener(this::secure))
                    : MultistreamHandler.responder(NOISE::equals, () -> List.of(NOISE), config.handshakeTimeout(),
                            listener(this::secure));
            raw.pipeline().addFirst("traffic", meter);
            raw.pipeline().addLast("select-security", security);
            raw.pipeline().addLast("errors", new ErrorLogger());
        }

        void secure(ChannelHandlerContext ctx) {
            ctx.pipeline().addAfter(ctx.name(), "noise-handshake", new NoiseHandshakeHandler(
                    direction == Direction.OUTBOUND, config.identity(), expected, new NoiseHandshakeHandler.Listener() {
                        @Override
                        public void secured(ChannelHandlerContext c, PeerId peer) {
                            multiplex(c, peer);
                        }

                        @Override
                        public void failed(ChannelHandlerContext c, Throwable cause) {
                            fail(cause);
                        }
                    }));
        }

        void multiplex(ChannelHandlerContext ctx, PeerId peer) {
            MultistreamHandler muxer = direction == Direction.OUTBOUND
                    ? MultistreamHandler.initiator(List.of(YAMUX), config.handshakeTimeout(),
                            listener(c -> connected(c, peer)))
                    : MultistreamHandler.responder(YAMUX::equals, () -> List.of(YAMUX), config.handshakeTimeout(),
                            listener(c -> connected(c, peer)));
            ctx.pipeline().addAfter("noise", "select-muxer", muxer);
        }

        void connected(ChannelHandlerContext ctx, PeerId peer) {
            ConnectionImpl connection = new ConnectionImpl(raw, peer, direction, local.apply(raw), remote.apply(raw),
                    yamux, inbound, meter);
            ctx.pipeline().addAfter(ctx.name(), "yamux", connection.session());
            cancelTimer();
            if (!result.isDone()) { // registered first: whoever the future wakes up finds the connection
                connections.add(connection);
                result.complete(connection);
            }
        }

        MultistreamHandler.Listener listener(java.util.function.Consumer<ChannelHandlerContext> next) {
            return new MultistreamHandler.Listener() {
                @Override
                public void selected(ChannelHandlerContext ctx, String protocol) {
                    next.accept(ctx);
                }

                @Override
                public void failed(ChannelHandlerContext ctx, Throwable cause) {
                    fail(cause);
                }
            };
        }

        void fail(Throwable cause) {
            cancelTimer();
            P2pException e = ConnectionImpl.toP2p(cause, direction.name().toLowerCase() + " connection "
                    + (raw.remoteAddress() == null ? "" : raw.remoteAddress() + " ") + "failed");
            if (result.completeExceptionally(e)) {
                LOG.info("p2p: {}", e.getMessage());
                raw.close();
            }
        }

        void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }

    /** Last handler of a connection's pipeline: logs what nothing else handled and closes the connection. */
    private static final class ErrorLogger extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.info("p2p: closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }
}
