package org.hamster.chain.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link ChainClient}. {@code requestTimeout} bounds each request from the call until its answer,
 * including any time spent waiting for a reconnection; reconnect attempts back off exponentially from
 * {@code minReconnectDelay} to {@code maxReconnectDelay}.
 */
public record ChainClientOptions(Duration requestTimeout, Duration connectTimeout, Duration minReconnectDelay,
        Duration maxReconnectDelay, RuntimeLayout layout) {
    public ChainClientOptions {
        positive(requestTimeout, "requestTimeout");
        positive(connectTimeout, "connectTimeout");
        positive(minReconnectDelay, "minReconnectDelay");
        positive(maxReconnectDelay, "maxReconnectDelay");
        if (minReconnectDelay.compareTo(maxReconnectDelay) > 0) {
            throw new IllegalArgumentException("minReconnectDelay " + minReconnectDelay
                    + " exceeds maxReconnectDelay " + maxReconnectDelay);
        }
        Objects.requireNonNull(layout, "layout");
    }

    /** 30 s requests, 10 s connect, reconnect after 250 ms doubling up to 30 s, the dev chain's pallets. */
    public static ChainClientOptions defaults() {
        return new ChainClientOptions(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(250),
                Duration.ofSeconds(30), RuntimeLayout.dev());
    }

    public ChainClientOptions withRequestTimeout(Duration d) {
        return new ChainClientOptions(d, connectTimeout, minReconnectDelay, maxReconnectDelay, layout);
    }

    public ChainClientOptions withConnectTimeout(Duration d) {
        return new ChainClientOptions(requestTimeout, d, minReconnectDelay, maxReconnectDelay, layout);
    }

    public ChainClientOptions withReconnectDelay(Duration min, Duration max) {
        return new ChainClientOptions(requestTimeout, connectTimeout, min, max, layout);
    }

    public ChainClientOptions withLayout(RuntimeLayout l) {
        return new ChainClientOptions(requestTimeout, connectTimeout, minReconnectDelay, maxReconnectDelay, l);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + d);
        }
    }
}
