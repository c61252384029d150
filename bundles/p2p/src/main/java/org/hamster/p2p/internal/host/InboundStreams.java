package org.hamster.p2p.internal.host;

import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hamster.p2p.StreamHandler;
import org.hamster.p2p.internal.multistream.MultistreamHandler;
import org.hamster.p2p.internal.yamux.YamuxStreamChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocols a host serves and the negotiation of each inbound stream: multistream-select as responder, then
 * the handler of the agreed protocol. A stream asking only for unknown protocols is answered "na" until the
 * remote gives up or the negotiation times out, then reset.
 */
public final class InboundStreams {
    private static final Logger LOG = LoggerFactory.getLogger(InboundStreams.class);
    private final Map<String, StreamHandler> handlers = new ConcurrentHashMap<>();
    private final Duration requestTimeout;

    InboundStreams(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    public void set(String protocol, StreamHandler handler) {
        if (protocol == null || !protocol.startsWith("/") || protocol.indexOf('\n') >= 0 || protocol.length() > 1000) {
            throw new IllegalArgumentException("a protocol id starts with '/' and has no newline: " + protocol);
        }
        handlers.put(protocol, handler);
    }

    public void remove(String protocol) {
        handlers.remove(protocol);
    }

    public List<String> protocols() {
        List<String> list = new ArrayList<>(handlers.keySet());
        list.sort(null);
        return list;
    }

    void accept(ConnectionImpl connection, YamuxStreamChannel s) {
        s.pipeline().addLast("multistream", MultistreamHandler.responder(handlers::containsKey, this::protocols,
                requestTimeout, new MultistreamHandler.Listener() {
                    @Override
                    public void selected(ChannelHandlerContext ctx, String protocol) {
                        StreamHandler handler = handlers.get(protocol);
                        StreamImpl stream = new StreamImpl(s, protocol, connection);
                        ctx.pipeline().addAfter(ctx.name(), "stream", stream);
                        ctx.channel().eventLoop().execute(() -> serve(handler, stream, connection));
                    }

                    @Override
                    public void failed(ChannelHandlerContext ctx, Throwable cause) {
                        LOG.debug("inbound stream {} from {}: {}", s.streamId(), connection.remotePeer(),
                                cause.getMessage());
                        s.reset();
                    }
                }));
    }

    private static void serve(StreamHandler handler, StreamImpl stream, ConnectionImpl connection) {
        if (handler == null) { // removed while negotiating
            stream.reset();
            return;
        }
        try {
            handler.handle(stream);
        } catch (Exception | LinkageError e) {
            LOG.warn("handler of {} failed on a stream from {}; resetting it", stream.protocol(),
                    connection.remotePeer(), e);
            stream.reset();
        }
    }
}
