package org.hamster.chain.client.internal;

import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One WebSocket connection attempt: reassembles text messages, serialises sends (the JDK WebSocket allows one
 * outstanding send), answers keep-alive pongs and reports its end. Callbacks of a replaced link are ignored.
 * <p>
 * JDK bug (seen on 17.0.15 and 25.0.3): when the peer closes the TCP connection while a message is being delivered
 * to {@link #onText}, the client's end-of-stream handling throws an InternalError internally
 * ({@code TransportImpl.acknowledgeReception} without demand) and neither onClose nor onError is ever called. The
 * connection's keep-alive pings are what notice such a link (see RpcConnection#keepAlive).
 */
final class Link implements WebSocket.Listener {
    interface Events {
        void received(Link link, String message);

        void lost(Link link, Throwable cause);
    }

    private final Events events;
    private final StringBuilder text = new StringBuilder();
    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);
    volatile WebSocket ws;
    volatile boolean dead;
    /** When the unanswered keep-alive ping was sent (nanoTime), or 0. */
    volatile long pingSentAt;

    Link(Events events) {
        this.events = events;
    }

    /** Queues a text frame; {@code onFailure} is told if it cannot be sent. */
    void send(String message, Consumer<Throwable> onFailure) {
        enqueue(() -> ws.sendText(message, true), onFailure);
    }

    /** Queues a keep-alive ping, remembering when it was sent. */
    void ping(Consumer<Throwable> onFailure) {
        pingSentAt = System.nanoTime();
        enqueue(() -> ws.sendPing(ByteBuffer.wrap(new byte[] {'h', 'a', 'm'})), onFailure);
    }

    private void enqueue(Supplier<CompletableFuture<WebSocket>> op, Consumer<Throwable> onFailure) {
        CompletableFuture<?> sent;
        synchronized (this) {
            sent = sends.handle((r, e) -> null).thenCompose(x -> op.get());
            sends = sent;
        }
        sent.whenComplete((r, e) -> {
            if (e != null) {
                onFailure.accept(e);
            }
        });
    }

    void abort() {
        dead = true;
        WebSocket w = ws;
        if (w != null) {
            w.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            events.received(this, message);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pingSentAt = 0;
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.lost(this, new IOException("the node closed the connection (" + statusCode
                + (reason.isEmpty() ? "" : " " + reason) + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.lost(this, error);
    }
}
