package org.hamster.p2p.internal.host;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Direction;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.Traffic;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.WireException;
import org.hamster.p2p.internal.multistream.MultistreamHandler;
import org.hamster.p2p.internal.yamux.YamuxConfig;
import org.hamster.p2p.internal.yamux.YamuxHandler;

/** A secured, multiplexed connection: the channel with its Yamux session and the proven remote peer. */
public final class ConnectionImpl implements Connection {
    private final Channel channel;
    private final PeerId remotePeer;
    private final Direction direction;
    private final Multiaddr localAddress;
    private final Multiaddr remoteAddress;
    private final YamuxHandler session;
    private final InboundStreams inbound;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final TrafficMeter meter;

    ConnectionImpl(Channel channel, PeerId remotePeer, Direction direction, Multiaddr localAddress,
            Multiaddr remoteAddress, YamuxConfig yamux, InboundStreams inbound, TrafficMeter meter) {
        this.meter = meter;
        this.channel = channel;
        this.remotePeer = remotePeer;
        this.direction = direction;
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
        this.inbound = inbound;
        this.session = new YamuxHandler(direction == Direction.OUTBOUND, yamux, s -> inbound.accept(this, s));
        channel.closeFuture().addListener(f -> closeFuture.complete(null));
    }

    YamuxHandler session() {
        return session;
    }

    /** The channel the connection runs on (a socket, or a relayed stream). */
    public Channel channel() {
        return channel;
    }

    @Override
    public PeerId remotePeer() {
        return remotePeer;
    }

    @Override
    public Multiaddr remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Multiaddr localAddress() {
        return localAddress;
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive() && !closeFuture.isDone();
    }

    @Override
    public CompletableFuture<Stream> newStream(List<String> protocols) {
        CompletableFuture<Stream> result = new CompletableFuture<>();
        if (protocols.isEmpty()) {
            result.completeExceptionally(new IllegalArgumentException("no protocol to propose"));
            return result;
        }
        List<String> proposals = List.copyOf(protocols);
        onLoop(result, () -> {
            try {
                session.openStream(s -> s.pipeline().addLast("multistream", MultistreamHandler.initiator(proposals,
                        inbound.requestTimeout(), new MultistreamHandler.Listener() {
                            @Override
                            public void selected(ChannelHandlerContext ctx, String protocol) {
                                StreamImpl stream = new StreamImpl(s, protocol, ConnectionImpl.this);
                                ctx.pipeline().addAfter(ctx.name(), "stream", stream);
                                ctx.channel().eventLoop().execute(() -> result.complete(stream));
                            }

                            @Override
                            public void failed(ChannelHandlerContext ctx, Throwable cause) {
                                s.reset();
                                result.completeExceptionally(toP2p(cause, "opening a stream to " + remotePeer));
                            }
                        })));
            } catch (P2pException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void onLoop(CompletableFuture<?> result, Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) { // the host is shut down
            result.completeExceptionally(new P2pException(P2pException.Reason.CLOSED, "the host is closed"));
        }
    }

    @Override
    public Traffic traffic() {
        return meter.traffic();
    }

    @Override
    public int streamCount() {
        return session.streamCount();
    }

    @Override
    public CompletableFuture<Void> close() {
        channel.close();
        return closeFuture;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase() + " connection " + remoteAddress + "/p2p/" + remotePeer;
    }

    static P2pException toP2p(Throwable cause, String context) {
        if (cause instanceof P2pException p) {
            return p;
        }
        if (cause instanceof WireException w) {
            return new P2pException(w.reason(), context + ": " + w.getMessage());
        }
        return new P2pException(P2pException.Reason.CONNECTION_CLOSED, context + ": " + cause, cause);
    }
}
