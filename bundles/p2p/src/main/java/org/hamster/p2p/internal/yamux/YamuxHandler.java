package org.hamster.p2p.internal.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.collection.LongObjectHashMap;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.internal.WireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Yamux session ({@code /yamux/1.0.0}) on a secured channel: decodes frames, keeps the streams (odd ids for the
 * dialer, even for the listener) as {@link YamuxStreamChannel}s, answers and sends keep-alive pings and ends
 * with a go-away. A broken frame, an unknown type or a stream id of the wrong parity closes the session with a
 * protocol-error go-away; a stream that overruns its window is reset.
 */
public final class YamuxHandler extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(YamuxHandler.class);
    private final boolean client;
    private final YamuxConfig config;
    private final Consumer<YamuxStreamChannel> acceptor;
    private final LongObjectHashMap<YamuxStreamChannel> streams = new LongObjectHashMap<>();
    private final FrameDecoder decoder;
    private final KeepAlive keepAlive;
    private ChannelHandlerContext ctx;
    private FrameWriter writer;
    private long nextId;
    private int unacknowledged;
    private boolean goAwaySent;
    private boolean remoteGoAway;
    private boolean closed;

    /**
     * {@code client} is the side that dialed; {@code acceptor} installs the handlers of each inbound stream
     * before it is registered.
     */
    public YamuxHandler(boolean client, YamuxConfig config, Consumer<YamuxStreamChannel> acceptor) {
        this.client = client;
        this.config = config;
        this.acceptor = acceptor;
        this.nextId = client ? 1 : 2;
        this.keepAlive = new KeepAlive(this, config.keepAlive());
        this.decoder = new FrameDecoder(this, config.window());
    }

    /**
     * Opens an outbound stream: a SYN, then {@code init} adds its handlers and it is registered. Event loop only.
     * Throws {@link P2pException} when the session is closing or a limit is reached.
     */
    public YamuxStreamChannel openStream(Consumer<YamuxStreamChannel> init) throws P2pException {
        if (closed || goAwaySent || remoteGoAway) {
            throw new P2pException(P2pException.Reason.CONNECTION_CLOSED, "the yamux session is closing");
        }
        if (streams.size() >= config.maxStreams()) {
            throw new P2pException(P2pException.Reason.LIMIT_EXCEEDED, config.maxStreams() + " streams are open");
        }
        if (unacknowledged >= config.ackBacklog()) {
            throw new P2pException(P2pException.Reason.LIMIT_EXCEEDED, unacknowledged + " streams await an ACK");
        }
        if (nextId > 0xFFFFFFFFL) {
            throw new P2pException(P2pException.Reason.LIMIT_EXCEEDED, "stream ids are used up");
        }
        long id = nextId;
        nextId += 2;
        YamuxStreamChannel s = new YamuxStreamChannel(this, writer, ctx.channel(), id, true, config.window());
        streams.put(id, s);
        unacknowledged++;
        writer.frame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, id, config.window() - YamuxFrame.INITIAL_WINDOW);
        init.accept(s);
        register(s);
        writer.flush();
        return s;
    }

    public int streamCount() {
        return streams.size();
    }

    /** Round-trip time of the last answered keep-alive ping, -1 before the first. */
    public long lastRttNanos() {
        return keepAlive.lastRttNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.writer = new FrameWriter(ctx, config.maxFrame());
        keepAlive.start(ctx, writer);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closed || decoder.broken()) {
            in.release();
            return;
        }
        try {
            decoder.decode(ctx, in);
        } catch (WireException e) {
            LOG.info("yamux: closing connection {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            goAway(YamuxFrame.GO_AWAY_PROTOCOL_ERROR);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            for (YamuxStreamChannel s : new ArrayList<>(streams.values())) {
                s.resumeWrites();
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        goAway(YamuxFrame.GO_AWAY_NORMAL);
        ctx.close(promise);
    }

    /**
     * The end of input on the carrier ends the session: a TCP channel closes itself then, a relayed connection's
     * carrier (a stream, {@link YamuxStreamChannel}) only reports it, and streams still waiting on the remote could
     * otherwise keep the connection half-open for ever.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent && !closed) {
            LOG.debug("yamux: {} ended its input; closing the connection", ctx.channel().remoteAddress());
            ctx.close();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        shutdown();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        shutdown();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.info("yamux: closing connection {} after {}", ctx.channel().remoteAddress(), cause.toString());
        goAway(cause instanceof WireException ? YamuxFrame.GO_AWAY_PROTOCOL_ERROR : YamuxFrame.GO_AWAY_INTERNAL_ERROR);
        ctx.close();
    }

    private void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        if (writer != null) {
            writer.close();
        }
        keepAlive.stop();
        decoder.release();
        for (YamuxStreamChannel s : new ArrayList<>(streams.values())) {
            s.onSessionClosed();
        }
        streams.clear();
    }

    // ---- frames from the decoder

    void onStreamFrame(int type, int flags, long id, long length, ByteBuf payload) {
        YamuxStreamChannel s = streams.get(id);
        if ((flags & YamuxFrame.SYN) != 0) {
            if (s != null || id == 0 || (id % 2 == 1) == client) {
                release(payload);
                throw new WireException("SYN for stream " + id + (s != null ? ", already open" : ", not a remote id"));
            }
            s = accept(id);
        }
        if (s == null) {
            release(payload); // a stream we reset or refused; its late frames are dropped
            return;
        }
        if ((flags & YamuxFrame.ACK) != 0) {
            s.onAck();
        }
        if (type == YamuxFrame.WINDOW_UPDATE) {
            s.onWindowUpdate(length);
        } else {
            s.onData(payload);
        }
        if ((flags & YamuxFrame.FIN) != 0) {
            s.onRemoteFin();
        }
        if ((flags & YamuxFrame.RST) != 0) {
            s.onRemoteReset();
        }
    }

    void onPing(int flags, long opaque) {
        if ((flags & YamuxFrame.SYN) != 0) {
            writer.frame(YamuxFrame.PING, YamuxFrame.ACK, 0, opaque);
        } else if ((flags & YamuxFrame.ACK) != 0) {
            keepAlive.answered(opaque);
        }
    }

    void onGoAway(long code) {
        LOG.debug("yamux: {} sent go-away (code {})", ctx.channel().remoteAddress(), code);
        remoteGoAway = true;
        if (streams.isEmpty()) {
            ctx.close();
        }
    }

    private YamuxStreamChannel accept(long id) {
        if (goAwaySent || streams.size() >= config.maxStreams()) {
            LOG.debug("yamux: refusing stream {} from {} ({} open)", id, ctx.channel().remoteAddress(), streams.size());
            writer.reset(id);
            return null;
        }
        YamuxStreamChannel s = new YamuxStreamChannel(this, writer, ctx.channel(), id, false, config.window());
        streams.put(id, s);
        writer.frame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.ACK, id, config.window() - YamuxFrame.INITIAL_WINDOW);
        acceptor.accept(s);
        register(s);
        return s;
    }

    private void register(YamuxStreamChannel s) {
        ctx.channel().eventLoop().register(s).addListener(f -> {
            if (!f.isSuccess()) {
                LOG.warn("yamux: cannot register stream {}", s.streamId(), f.cause());
                s.resetNow(P2pException.Reason.STREAM_RESET);
            }
        });
    }

    private static void release(ByteBuf payload) {
        if (payload != null) {
            payload.release();
        }
    }

    // ---- used by the streams and the keep-alive, on the event loop

    void acknowledged() {
        unacknowledged--;
    }

    void remove(YamuxStreamChannel s) {
        if (streams.remove(s.streamId()) != null) {
            if (s.isOutbound() && !s.isAcknowledged()) {
                unacknowledged--;
            }
            s.cancelLinger();
            if (remoteGoAway && streams.isEmpty()) {
                ctx.close();
            }
        }
    }

    /** A locally closed stream waits for the remote's FIN; after the linger time it is reset. */
    void linger(YamuxStreamChannel s) {
        s.lingerTimer(ctx.executor().schedule(() -> {
            if (streams.get(s.streamId()) == s) {
                writer.reset(s.streamId());
                remove(s);
            }
        }, config.linger().toMillis(), TimeUnit.MILLISECONDS));
    }

    void logViolation(YamuxStreamChannel s, String problem) {
        LOG.info("yamux: resetting stream {} of {}: {}", s.streamId(), ctx.channel().remoteAddress(), problem);
    }

    void goAway(int code) {
        if (!goAwaySent && !closed && ctx.channel().isActive()) {
            goAwaySent = true;
            writer.frame(YamuxFrame.GO_AWAY, 0, 0, code);
            writer.flush();
        }
    }

    void keepAliveTimedOut() {
        LOG.info("yamux: closing connection {}: keep-alive ping unanswered", ctx.channel().remoteAddress());
        ctx.close();
    }
}
