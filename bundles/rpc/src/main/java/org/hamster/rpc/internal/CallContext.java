package org.hamster.rpc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What one incoming message (a request or a batch) runs in: its connection's session (null over HTTP) and
 * the subscriptions it opened, which only start notifying once the response carrying their ids is written.
 */
final class CallContext {
    private final Session session;
    private final List<SubscriptionSink> opened = new ArrayList<>();

    CallContext(Session session) {
        this.session = session;
    }

    boolean isWebSocket() {
        return session != null;
    }

    SubscriptionSink open(String kind, String notification) throws RpcException {
        if (session == null) {
            throw RpcException.methodNotFound("subscriptions need a WebSocket connection");
        }
        SubscriptionSink s = session.open(kind, notification);
        opened.add(s);
        return s;
    }

    boolean unsubscribe(String id, String kind) {
        return session != null && session.unsubscribe(id, kind);
    }

    int mark() {
        return opened.size();
    }

    /** Drops the subscriptions opened since {@code mark}: their method failed, so the client never got an id. */
    void discardFrom(int mark) {
        while (opened.size() > mark) {
            SubscriptionSink s = opened.remove(opened.size() - 1);
            s.close();
            session.forget(s);
        }
    }

    /** Call once the response has been written: lets the new subscriptions send what they held back. */
    void responseWritten() {
        opened.forEach(SubscriptionSink::start);
        opened.clear();
    }
}
