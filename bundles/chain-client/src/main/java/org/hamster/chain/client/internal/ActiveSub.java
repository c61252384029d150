package org.hamster.chain.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.hamster.chain.Subscription;

/**
 * A subscription as the client sees it: outlives the node-side id, which changes at every renewal.
 * Notifications are delivered in order on a serial executor.
 */
final class ActiveSub implements Subscription {
    private final RpcConnection connection;
    final long localId;
    final String method;
    final String unsubscribe;
    final ArrayNode params;
    final boolean renew;
    private final BiConsumer<ActiveSub, JsonNode> listener;
    private final Consumer<Throwable> onLost;
    private final Executor serial;
    volatile String serverId;
    volatile boolean closed;

    ActiveSub(RpcConnection connection, long localId, String method, String unsubscribe, ArrayNode params,
            BiConsumer<ActiveSub, JsonNode> listener, boolean renew, Consumer<Throwable> onLost, Executor serial) {
        this.connection = connection;
        this.localId = localId;
        this.method = method;
        this.unsubscribe = unsubscribe;
        this.params = params;
        this.listener = listener;
        this.renew = renew;
        this.onLost = onLost;
        this.serial = serial;
    }

    void deliver(JsonNode result) {
        serial.execute(() -> {
            if (!closed) {
                listener.accept(this, result);
            }
        });
    }

    /** The subscription ended without the caller closing it (connection lost, client closed). */
    void lost(Throwable cause) {
        if (onLost != null) {
            serial.execute(() -> onLost.accept(cause));
        }
    }

    /** Ends it locally, without telling the node (which already ended it). */
    void forget() {
        connection.forget(this);
    }

    @Override
    public void close() {
        if (!closed) {
            connection.unsubscribe(this);
        }
    }
}
