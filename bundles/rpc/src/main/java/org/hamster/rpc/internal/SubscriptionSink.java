package org.hamster.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription of one connection. Until {@link #start()} (called once the response with its id is
 * written) notifications are held back, so a client never sees a notification before the id it belongs to.
 * Never calls the chain while holding its lock: chain callbacks may arrive holding the chain's own locks.
 */
final class SubscriptionSink {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionSink.class);
    private final Session session;
    private final String id;
    private final String kind;
    private final String method;
    private List<JsonNode> held = new ArrayList<>();
    private boolean closed;
    private boolean finishAfterStart;
    private Subscription upstream;

    SubscriptionSink(Session session, String id, String kind, String method) {
        this.session = session;
        this.id = id;
        this.kind = kind;
        this.method = method;
    }

    String id() {
        return id;
    }

    String kind() {
        return kind;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized void emit(JsonNode result) {
        if (closed) {
            return;
        }
        if (held != null) {
            held.add(result);
        } else {
            session.send(JsonRpc.notification(method, id, result));
        }
    }

    /** Puts a value before everything held back: the current state a subscription reports first. */
    synchronized void emitFirst(JsonNode result) {
        if (held != null && !closed) {
            held.add(0, result);
        } else {
            emit(result);
        }
    }

    /** The last notification of a finished stream (a terminal transaction status); then the subscription ends. */
    void emitLast(JsonNode result) {
        synchronized (this) {
            if (closed) {
                return;
            }
            emit(result);
            if (held != null) {
                finishAfterStart = true;
                return;
            }
        }
        finish();
    }

    void start() {
        boolean finish;
        synchronized (this) {
            if (held == null) {
                return;
            }
            List<JsonNode> pending = held;
            held = null;
            if (!closed) {
                pending.forEach(r -> session.send(JsonRpc.notification(method, id, r)));
            }
            finish = finishAfterStart;
        }
        if (finish) {
            finish();
        }
    }

    /** Ties the chain-side subscription to this one; if this one is already closed, closes it at once. */
    void attach(Subscription subscription) {
        boolean closeNow;
        synchronized (this) {
            closeNow = closed;
            if (!closed) {
                upstream = subscription;
            }
        }
        if (closeNow) {
            closeQuietly(subscription);
        }
    }

    void close() {
        Subscription up;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            held = null;
            up = upstream;
            upstream = null;
        }
        if (up != null) {
            closeQuietly(up);
        }
    }

    private void finish() {
        close();
        session.forget(this);
    }

    private void closeQuietly(Subscription s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing chain subscription {} failed", id, e);
        }
    }
}
