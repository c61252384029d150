package org.hamster.p2p;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link Host}. Defaults suit SSH-like long-lived streams; {@link #builder(Identity)} changes them.
 *
 * @param identity the node's key pair and peer id
 * @param agentVersion what identify reports, e.g. {@code hamster/0.1.0}
 * @param ioThreads Netty event-loop threads
 * @param connectTimeout for the TCP connect of one address
 * @param handshakeTimeout from connect to a secured, multiplexed connection (multistream + Noise + Yamux)
 * @param requestTimeout for stream protocol negotiation and for ping/identify exchanges
 * @param maxConnections open and handshaking connections together; further inbound ones are closed at once
 * @param maxStreamsPerConnection streams (open or closing) per connection; further inbound ones are reset
 * @param streamWindow the Yamux receive window per stream, at least the spec's 256 KiB: a reader that does not
 *     read buffers at most this much
 * @param keepAliveInterval Yamux ping interval; an unanswered ping for two intervals closes the connection
 *     ({@link Duration#ZERO} disables it)
 * @param streamLinger how long a locally closed stream waits for the remote's end-of-stream before a reset
 * @param relay the circuit relay v2 hop service to run for other peers; null (the default) runs none. Every
 *     host can use relays: dial {@code .../p2p/<relay>/p2p-circuit/p2p/<peer>}, listen on
 *     {@code .../p2p/<relay>/p2p-circuit} to reserve a slot
 */
public record HostConfig(Identity identity, String agentVersion, int ioThreads, Duration connectTimeout,
        Duration handshakeTimeout, Duration requestTimeout, int maxConnections, int maxStreamsPerConnection,
        int streamWindow, Duration keepAliveInterval, Duration streamLinger, RelayConfig relay) {
    public static final String PROTOCOL_VERSION = "ipfs/0.1.0";
    public static final String DEFAULT_AGENT = "hamster/0.1.0";
    public static final int MIN_WINDOW = 256 * 1024;
    public static final int MAX_WINDOW = 16 * 1024 * 1024;

    public HostConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(agentVersion, "agentVersion");
        positive(connectTimeout, "connectTimeout");
        positive(handshakeTimeout, "handshakeTimeout");
        positive(requestTimeout, "requestTimeout");
        positive(streamLinger, "streamLinger");
        if (keepAliveInterval == null || keepAliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepAliveInterval must be zero (off) or positive");
        }
        if (ioThreads < 1 || maxConnections < 1 || maxStreamsPerConnection < 1) {
            throw new IllegalArgumentException("ioThreads, maxConnections and maxStreamsPerConnection must be >= 1");
        }
        if (streamWindow < MIN_WINDOW || streamWindow > MAX_WINDOW) {
            throw new IllegalArgumentException("streamWindow must be " + MIN_WINDOW + ".." + MAX_WINDOW);
        }
    }

    public static Builder builder(Identity identity) {
        return new Builder(identity);
    }

    public static HostConfig defaults(Identity identity) {
        return builder(identity).build();
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Mutable builder with the defaults. */
    public static final class Builder {
        private final Identity identity;
        private String agentVersion = DEFAULT_AGENT;
        private int ioThreads = 2;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(15);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxConnections = 256;
        private int maxStreamsPerConnection = 256;
        private int streamWindow = MIN_WINDOW;
        private Duration keepAliveInterval = Duration.ofSeconds(30);
        private Duration streamLinger = Duration.ofSeconds(30);
        private RelayConfig relay;

        private Builder(Identity identity) {
            this.identity = identity;
        }

        public Builder agentVersion(String v) {
            agentVersion = v;
            return this;
        }

        public Builder ioThreads(int v) {
            ioThreads = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder handshakeTimeout(Duration v) {
            handshakeTimeout = v;
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        public Builder maxStreamsPerConnection(int v) {
            maxStreamsPerConnection = v;
            return this;
        }

        public Builder streamWindow(int v) {
            streamWindow = v;
            return this;
        }

        public Builder keepAliveInterval(Duration v) {
            keepAliveInterval = v;
            return this;
        }

        public Builder streamLinger(Duration v) {
            streamLinger = v;
            return this;
        }

        /** Runs a circuit relay v2 hop service with these limits (null: none). */
        public Builder relay(RelayConfig v) {
            relay = v;
            return this;
        }

        public HostConfig build() {
            return new HostConfig(identity, agentVersion, ioThreads, connectTimeout, handshakeTimeout, requestTimeout,
                    maxConnections, maxStreamsPerConnection, streamWindow, keepAliveInterval, streamLinger, relay);
        }
    }
}
