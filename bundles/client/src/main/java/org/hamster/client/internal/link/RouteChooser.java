package org.hamster.client.internal.link;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Host;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.MultiaddrProtocol;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.Stream;
import org.hamster.forward.ForwardLink;
import org.hamster.forward.ForwardRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the route of every connection a link carries to one provider. Direct first, when an address of the
 * provider is known (identify over a relayed connection tells its listen addresses) and has not failed lately;
 * then through gateways: the configured order (preferred ones, then the chain's bootstrap list), then the gateways
 * the provider says it reserved on. An open connection on a route is reused; otherwise one is made over exactly
 * that route. A route that fails is skipped for {@code retryAfter} and the next is tried at once, so a dead gateway
 * costs the connections it carried, never the next one. A failed gateway is still tried, last, when no other route
 * works. When no route works, the connection tries them all again every second for {@code patience}: a provider
 * that just started needs a few seconds to reserve a slot on its gateways.
 */
public final class RouteChooser implements ForwardLink.Opener {
    private static final Logger LOG = LoggerFactory.getLogger(RouteChooser.class);
    private final Host host;
    private final PeerId provider;
    private final Supplier<List<Multiaddr>> gateways;
    private final Timeouts timeouts;
    private final LongSupplier clock;
    private final Map<String, Long> skipUntil = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Connection>> connecting = new ConcurrentHashMap<>();
    private final AtomicBoolean identified = new AtomicBoolean();
    private volatile Route last;

    /**
     * @param direct how long a direct connection may take
     * @param relayed how long a route through one gateway may take (connection and stream)
     * @param retryAfter how long a failed route is skipped
     * @param patience how long a connection keeps retrying when no route works (zero: fail at once)
     */
    public record Timeouts(Duration direct, Duration relayed, Duration retryAfter, Duration patience) {
    }

    private static final long RETRY_PAUSE_MS = 1000;

    /**
     * @param gateways the gateways to try in order, as multiaddrs ending in {@code /p2p/<gateway>}; read for every
     *     connection, so keep it cheap
     */
    public RouteChooser(Host host, PeerId provider, Supplier<List<Multiaddr>> gateways, Timeouts timeouts,
            LongSupplier clock) {
        this.host = host;
        this.provider = provider;
        this.gateways = gateways;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    /** The route of the last connection carried, empty before the first. */
    public Optional<Route> lastRoute() {
        return Optional.ofNullable(last);
    }

    @Override
    public CompletableFuture<Stream> open() {
        CompletableFuture<Stream> result = new CompletableFuture<>();
        round(System.nanoTime() + timeouts.patience().toNanos(), 1, result);
        return result;
    }

    /** Tries every route once; when none works, again after a pause while the deadline allows. */
    private void round(long deadline, int n, CompletableFuture<Stream> result) {
        CompletableFuture<Stream> one = new CompletableFuture<>();
        attempt(routes(), 0, new ArrayList<>(), one);
        one.whenComplete((s, e) -> {
            if (e == null) {
                result.complete(s);
            } else if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MS) < deadline) {
                LOG.debug("link to {}: no route worked (round {}): {}; again in {} ms", provider, n, e.getMessage(),
                        RETRY_PAUSE_MS);
                CompletableFuture.delayedExecutor(RETRY_PAUSE_MS, TimeUnit.MILLISECONDS)
                        .execute(() -> round(deadline, n + 1, result));
            } else {
                result.completeExceptionally(e);
            }
        });
    }

    /** The routes to try now, in order: direct ones, gateways, then the gateways that failed lately. */
    List<Route> routes() {
        long now = clock.getAsLong();
        List<Route> fresh = new ArrayList<>();
        List<Route> failed = new ArrayList<>();
        host.connections(provider).stream().filter(c -> c.isOpen() && !c.isRelayed()).reduce((a, b) -> b)
                .ifPresent(c -> fresh.add(Route.direct(c.remoteAddress().withPeerId(provider))));
        for (Multiaddr a : host.addresses(provider)) {
            Route r = Route.direct(a.withPeerId(provider));
            if (dialable(a) && !skipped(r, now) && fresh.stream().noneMatch(x -> x.direct()
                    && x.address().withoutPeerId().equals(a.withoutPeerId()))) {
                fresh.add(r);
            }
        }
        Map<PeerId, Multiaddr> relays = new LinkedHashMap<>();
        gateways.get().forEach(g -> g.peerId().ifPresent(id -> relays.putIfAbsent(id, g)));
        host.addresses(provider).forEach(a -> Route.gatewayOf(a).ifPresent(g -> relays.putIfAbsent(
                g.peerId().orElseThrow(), g)));
        for (Multiaddr g : relays.values()) {
            Route r = Route.via(g, provider);
            (skipped(r, now) ? failed : fresh).add(r);
        }
        fresh.addAll(failed);
        return fresh;
    }

    private static boolean dialable(Multiaddr a) {
        if (a.isRelayed() || !a.has(MultiaddrProtocol.TCP)) {
            return false;
        }
        String ip = a.value(MultiaddrProtocol.IP4).or(() -> a.value(MultiaddrProtocol.IP6)).orElse("");
        return !ip.equals("0.0.0.0") && !ip.equals("::");
    }

    private boolean skipped(Route r, long now) {
        Long until = skipUntil.get(r.key());
        return until != null && until > now;
    }

    private void attempt(List<Route> routes, int i, List<String> errors, CompletableFuture<Stream> result) {
        if (i >= routes.size()) {
            result.completeExceptionally(new IOException("no route to provider " + provider + (errors.isEmpty()
                    ? ": no direct address and no gateway known" : ": " + String.join("; ", errors))));
            return;
        }
        Route r = routes.get(i);
        stream(r).whenComplete((s, e) -> {
            if (e == null) {
                skipUntil.remove(r.key());
                last = r;
                result.complete(s);
                if (!r.direct()) {
                    learnDirectAddresses();
                }
            } else {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                String why = cause instanceof TimeoutException ? "no answer within " + timeout(r).toMillis() + " ms"
                        : String.valueOf(cause.getMessage());
                skipUntil.put(r.key(), clock.getAsLong() + timeouts.retryAfter().toMillis());
                errors.add(r + ": " + why);
                LOG.debug("link to {}: {} failed ({}); trying the next route", provider, r, why);
                attempt(routes, i + 1, errors, result);
            }
        });
    }

    private Duration timeout(Route r) {
        return r.direct() ? timeouts.direct() : timeouts.relayed();
    }

    /** A forward stream over {@code r}: on an open connection of that route, else on a new one. */
    private CompletableFuture<Stream> stream(Route r) {
        Optional<Connection> open = host.connections(provider).stream().filter(c -> c.isOpen() && r.carries(c))
                .reduce((a, b) -> b);
        CompletableFuture<Connection> conn = open.map(CompletableFuture::completedFuture).orElseGet(() -> connect(r));
        return conn.thenCompose(c -> c.newStream(ForwardRequest.PROTOCOL).whenComplete((s, e) -> {
            if (e != null && c.isOpen() && unwrap(e) instanceof TimeoutException) {
                c.close(); // it no longer carries anything: do not let the next connection wait on it
            }
        })).orTimeout(timeout(r).toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Connection> connect(Route r) {
        CompletableFuture<Connection> f = connecting.compute(r.key(), (k, running) -> running != null
                && !running.isDone() ? running : host.connect(provider, r.address()));
        f.whenComplete((c, e) -> connecting.remove(r.key(), f));
        return f;
    }

    /** Asks the provider (over the relayed connection just used) for its listen addresses; again only if it failed. */
    private void learnDirectAddresses() {
        if (identified.compareAndSet(false, true)) {
            host.identify(provider).whenComplete((info, e) -> {
                if (e != null) {
                    identified.set(false);
                    LOG.debug("link to {}: identify failed: {}", provider, e.toString());
                } else {
                    LOG.debug("link to {}: it listens on {}", provider, info.listenAddresses());
                }
            });
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
