package org.hamster.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One WebSocket connection: its live subscriptions, all closed with it. */
final class Session {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final char[] ID_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final int ID_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Channel channel;
    private final int maxSubscriptions;
    private final Map<String, SubscriptionSink> sinks = new HashMap<>();
    private boolean closed;

    Session(Channel channel, int maxSubscriptions) {
        this.channel = channel;
        this.maxSubscriptions = maxSubscriptions;
    }

    /** A new subscription with a random id (as jsonrpsee gives them), holding its notifications until started. */
    synchronized SubscriptionSink open(String kind, String notification) throws RpcException {
        if (closed) {
            throw new RpcException(JsonRpc.INTERNAL_ERROR, "Internal error", "the connection is closed");
        }
        if (sinks.size() >= maxSubscriptions) {
            throw new RpcException(JsonRpc.TOO_MANY_SUBSCRIPTIONS, "Too many subscriptions on the connection",
                    "Exceeded max limit of " + maxSubscriptions);
        }
        String id;
        do {
            id = newId();
        } while (sinks.containsKey(id));
        SubscriptionSink s = new SubscriptionSink(this, id, kind, notification);
        sinks.put(id, s);
        return s;
    }

    /** Closes the subscription if it exists and is of this kind; false otherwise, as Substrate answers. */
    boolean unsubscribe(String id, String kind) {
        SubscriptionSink s;
        synchronized (this) {
            s = sinks.get(id);
            if (s == null || !s.kind().equals(kind)) {
                return false;
            }
            sinks.remove(id);
        }
        s.close();
        return true;
    }

    synchronized void forget(SubscriptionSink s) {
        sinks.remove(s.id(), s);
    }

    /** Closes every subscription; the connection is gone. */
    void close() {
        List<SubscriptionSink> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(sinks.values());
            sinks.clear();
        }
        all.forEach(SubscriptionSink::close);
        if (!all.isEmpty()) {
            LOG.debug("Closed {} subscription(s) of {}", all.size(), channel.remoteAddress());
        }
    }

    /**
     * Queues a notification. A client that stopped reading (the outbound buffer passed its high-water mark)
     * is disconnected rather than buffered without bound.
     */
    void send(JsonNode message) {
        if (!channel.isActive()) {
            return;
        }
        if (!channel.isWritable()) {
            LOG.warn("Closing {}: it does not read its notifications and its send buffer is full",
                    channel.remoteAddress());
            channel.close();
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(JsonRpc.bytes(message))));
    }

    private static String newId() {
        char[] c = new char[ID_LENGTH];
        for (int i = 0; i < c.length; i++) {
            c[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        }
        return new String(c);
    }
}
