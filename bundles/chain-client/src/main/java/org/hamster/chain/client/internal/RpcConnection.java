package org.hamster.chain.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.hamster.chain.Subscription;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.chain.client.ConnectionListener;
import org.hamster.chain.client.ConnectionLostException;
import org.hamster.chain.client.RequestTimeoutException;
import org.hamster.chain.client.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over a WebSocket that comes back by itself: request/answer matching, timeouts, keep-alive pings,
 * subscriptions renewed after each reconnection, and requests queued while the link is down.
 */
final class RpcConnection implements Link.Events {
    private static final Logger LOG = LoggerFactory.getLogger(RpcConnection.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final URI endpoint;
    private final ChainClientOptions options;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService callbacks = Executors.newCachedThreadPool(r -> daemon(r, "hamster-chain-client-"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hamster-chain-client-timer-"));
    private final SerialExecutor listenerQueue = new SerialExecutor(callbacks);
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Subscriptions subs = new Subscriptions();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Link link;
    private CompletableFuture<Link> ready = new CompletableFuture<>();
    private int failures;
    private boolean closed;

    RpcConnection(URI endpoint, ChainClientOptions options) {
        this.endpoint = endpoint;
        this.options = options;
    }

    void start() {
        long every = keepAliveMillis(options);
        timer.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
        connect();
    }

    URI endpoint() {
        return endpoint;
    }

    boolean isConnected() {
        synchronized (lock) {
            return link != null;
        }
    }

    CompletableFuture<Void> whenConnected() {
        synchronized (lock) {
            return ready.thenApply(l -> null);
        }
    }

    Subscription addListener(ConnectionListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** Sends a request once connected; {@code onResult} (nullable) runs on the receiving thread first. */
    CompletableFuture<JsonNode> request(String method, ArrayNode params, Consumer<JsonNode> onResult) {
        Pending p = newPending(method, params, onResult);
        CompletableFuture<Link> r;
        synchronized (lock) {
            r = ready;
            if (closed) {
                p.fail(closedException());
                return p.future;
            }
        }
        r.whenComplete((l, e) -> {
            if (e != null) {
                p.fail(e);
            } else {
                send(l, p);
            }
        });
        return p.future;
    }

    CompletableFuture<ActiveSub> subscribe(String method, String unsubscribe, ArrayNode params,
            BiConsumer<ActiveSub, JsonNode> listener, boolean renew, Consumer<Throwable> onLost) {
        ActiveSub s = new ActiveSub(this, ids.incrementAndGet(), method, unsubscribe, params, listener, renew, onLost,
                new SerialExecutor(callbacks));
        return request(method, params, result -> register(s, result)).thenApply(r -> s);
    }

    void unsubscribe(ActiveSub s) {
        String sid = subs.forget(s);
        if (sid != null && isConnected()) {
            request(s.unsubscribe, Json.array(sid), null).whenComplete((r, e) -> {
                if (e != null) {
                    LOG.debug("{} {} failed: {}", s.unsubscribe, sid, e.toString());
                }
            });
        }
    }

    /** Ends a subscription locally: the node already ended it. */
    void forget(ActiveSub s) {
        subs.forget(s);
    }

    void close() {
        CompletableFuture<Link> r;
        Link l;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            l = link;
            link = null;
            r = ready;
        }
        ConnectionLostException ex = closedException();
        r.completeExceptionally(ex);
        if (l != null) {
            l.dead = true;
            l.ws.sendClose(WebSocket.NORMAL_CLOSURE, "client closed").orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((w, e) -> l.abort());
        }
        failPending(null, ex);
        subs.closeAll(ex);
        timer.shutdownNow();
        callbacks.shutdown();
    }

    private Pending newPending(String method, ArrayNode params, Consumer<JsonNode> onResult) {
        long id = ids.incrementAndGet();
        ObjectNode msg = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        msg.set("params", params);
        Pending p = new Pending(id, method, msg.toString(), onResult, callbacks);
        long ms = options.requestTimeout().toMillis();
        try {
            ScheduledFuture<?> t = timer.schedule(() -> timeout(p, ms), ms, TimeUnit.MILLISECONDS);
            p.future.whenComplete((x, e) -> t.cancel(false));
        } catch (RejectedExecutionException e) {
            p.fail(closedException());
        }
        return p;
    }

    private void send(Link l, Pending p) {
        if (p.future.isDone()) {
            return;
        }
        p.link = l;
        pending.put(p.id, p);
        if (l.dead) {
            if (pending.remove(p.id, p)) {
                p.fail(lostException(p.method, null));
            }
            return;
        }
        l.send(p.json, e -> {
            if (pending.remove(p.id, p)) {
                p.fail(lostException(p.method, e));
            }
            lost(l, e);
        });
    }

    private void timeout(Pending p, long ms) {
        pending.remove(p.id, p);
        if (!p.future.isDone()) {
            p.fail(new RequestTimeoutException(p.method + ": no answer from " + endpoint + " within " + ms + " ms"
                    + (p.link == null ? " (not connected)" : "")));
        }
    }

    @Override
    public void received(Link l, String text) {
        JsonNode msg;
        try {
            msg = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            LOG.warn("ignoring malformed message from {}: {}", endpoint, Json.abbreviate(text));
            return;
        }
        JsonNode id = msg.get("id");
        if (id != null && !id.isNull()) {
            answer(id.asLong(-1), msg);
        } else if (msg.hasNonNull("method") && msg.path("params").has("subscription")) {
            String sid = Json.key(msg.path("params").get("subscription"));
            if (!subs.deliver(sid, msg.path("params").path("result"))) {
                LOG.debug("notification for unknown subscription {}", sid);
            }
        } else {
            LOG.debug("ignoring message from {}: {}", endpoint, Json.abbreviate(text));
        }
    }

    private void answer(long id, JsonNode msg) {
        Pending p = pending.remove(id);
        if (p == null) {
            LOG.debug("answer to unknown or timed-out request {}", id);
            return;
        }
        JsonNode err = msg.get("error");
        if (err != null && !err.isNull()) {
            p.fail(Wire.error(p.method, err));
            return;
        }
        JsonNode result = msg.has("result") ? msg.get("result") : NullNode.getInstance();
        if (p.onResult != null) {
            try {
                p.onResult.accept(result);
            } catch (RuntimeException e) {
                p.fail(new RpcException(p.method, -32603, "unexpected result " + Json.abbreviate(result.toString()),
                        e.getMessage()));
                return;
            }
        }
        p.complete(result);
    }

    private void register(ActiveSub s, JsonNode result) {
        if (!subs.register(s, result)) {
            unsubscribe(s);
        }
    }

    private void connect() {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        Link l = new Link(this);
        try {
            http.newWebSocketBuilder().connectTimeout(options.connectTimeout()).buildAsync(endpoint, l)
                    .whenComplete((ws, e) -> {
                        if (e != null) {
                            attemptFailed(e);
                        } else {
                            opened(l, ws);
                        }
                    });
        } catch (RuntimeException e) {
            attemptFailed(e);
        }
    }

    private void opened(Link l, WebSocket ws) {
        CompletableFuture<Link> r;
        synchronized (lock) {
            l.ws = ws;
            if (closed || l.dead) {
                l.abort();
                if (!closed) {
                    scheduleReconnect();
                }
                return;
            }
            link = l;
            failures = 0;
            r = ready;
        }
        LOG.info("connected to {}", endpoint);
        for (ActiveSub s : subs.renewable()) {
            Pending p = newPending(s.method, s.params, result -> register(s, result));
            p.future.whenComplete((x, e) -> {
                if (e != null) {
                    LOG.warn("could not renew subscription {} after reconnecting: {}", s.method, e.getMessage());
                }
            });
            send(l, p);
        }
        notifyListeners(true);
        r.complete(l);
    }

    @Override
    public void lost(Link l, Throwable cause) {
        l.dead = true;
        synchronized (lock) {
            if (link != l) {
                return;
            }
            link = null;
            ready = new CompletableFuture<>();
            if (closed) {
                return;
            }
        }
        LOG.warn("lost connection to {} ({}); reconnecting", endpoint, Json.describe(cause));
        failPending(l, cause);
        subs.linkLost(cause);
        notifyListeners(false);
        l.abort();
        scheduleReconnect();
    }

    /** Pings every half request timeout, at most every 5 s: a silently dead link is noticed within 10 s. */
    static long keepAliveMillis(ChainClientOptions options) {
        return Math.max(1, Math.min(options.requestTimeout().toMillis() / 2, 5_000));
    }

    /**
     * A link whose previous ping is still unanswered after a whole interval is dead even if nothing said so: node
     * host gone, NAT entry dropped, or the JDK bug described on {@link Link}. Drop it and reconnect.
     */
    private void keepAlive() {
        Link l;
        synchronized (lock) {
            l = link;
        }
        if (l == null) {
            return;
        }
        long sent = l.pingSentAt;
        long every = keepAliveMillis(options);
        if (sent != 0 && System.nanoTime() - sent > TimeUnit.MILLISECONDS.toNanos(every)) {
            lost(l, new IOException("no answer to a ping within " + every + " ms"));
        } else if (sent == 0) {
            l.ping(e -> lost(l, e));
        }
    }

    private void attemptFailed(Throwable e) {
        int n;
        synchronized (lock) {
            n = ++failures;
        }
        if (n == 1) {
            LOG.warn("cannot connect to {} ({}); retrying with back-off", endpoint, Json.describe(e));
        } else {
            LOG.debug("connection attempt {} to {} failed: {}", n, endpoint, Json.describe(e));
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        long delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            delay = backoff(failures, options.minReconnectDelay().toMillis(), options.maxReconnectDelay().toMillis());
        }
        try {
            timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("not reconnecting: client closed");
        }
    }

    /** min * 2^failures, at most max, minus up to 25% jitter so that many clients do not retry in step. */
    static long backoff(int failures, long min, long max) {
        long d = min << Math.min(failures, 20);
        d = Math.min(Math.max(d, min), max);
        return d - (long) (d * 0.25 * ThreadLocalRandom.current().nextDouble());
    }

    private void failPending(Link l, Throwable cause) {
        for (Pending p : new ArrayList<>(pending.values())) {
            if ((l == null || p.link == l) && pending.remove(p.id, p)) {
                p.fail(cause instanceof ConnectionLostException c ? c : lostException(p.method, cause));
            }
        }
    }

    private void notifyListeners(boolean connected) {
        for (ConnectionListener listener : listeners) {
            listenerQueue.execute(() -> listener.connectionChanged(connected));
        }
    }

    private ConnectionLostException lostException(String method, Throwable cause) {
        return new ConnectionLostException(method + ": the connection to " + endpoint
                + " was lost before the answer came" + (cause == null ? "" : " (" + Json.describe(cause) + ")"), cause);
    }

    private ConnectionLostException closedException() {
        return new ConnectionLostException("the client of " + endpoint + " is closed", null);
    }

    private static Thread daemon(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
