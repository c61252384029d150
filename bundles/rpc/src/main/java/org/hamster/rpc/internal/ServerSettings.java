package org.hamster.rpc.internal;

import java.util.Arrays;
import java.util.List;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/** The validated settings of one server; {@link #from(RpcConfig)} refuses a bad configuration. */
record ServerSettings(String host, int port, int maxRequestBytes, int maxResponseBytes, int maxConnections,
        int maxSubscriptionsPerConnection, Cors cors, int workerThreads) {
    /** Substrate's default --rpc-cors: local pages on any port, and polkadot.js apps. */
    static final String DEFAULT_CORS = "http://localhost:*,http://127.0.0.1:*,https://localhost:*,"
            + "https://127.0.0.1:*,https://polkadot.js.org";
    static final int MIB = 1024 * 1024;

    /** Loopback defaults on the given port (0 = any free one), as the configuration defaults are. */
    static ServerSettings defaults(int port) {
        return new ServerSettings("127.0.0.1", port, 10 * MIB, 10 * MIB, 100, 1024, Cors.parse(DEFAULT_CORS), 4);
    }

    static ServerSettings from(RpcConfig c) throws HamsterException {
        if (c.host() == null || c.host().isBlank()) {
            throw bad("host must not be empty");
        }
        if (c.port() < 0 || c.port() > 65535) {
            throw bad("port must be 0..65535, not " + c.port());
        }
        positive("maxRequestBytes", c.maxRequestBytes());
        positive("maxResponseBytes", c.maxResponseBytes());
        positive("maxConnections", c.maxConnections());
        positive("maxSubscriptionsPerConnection", c.maxSubscriptionsPerConnection());
        positive("workerThreads", c.workerThreads());
        return new ServerSettings(c.host().trim(), c.port(), c.maxRequestBytes(), c.maxResponseBytes(),
                c.maxConnections(), c.maxSubscriptionsPerConnection(), Cors.parse(c.corsOrigins()), c.workerThreads());
    }

    ServerSettings withLimits(int request, int connections, int subscriptions) {
        return new ServerSettings(host, port, request, maxResponseBytes, connections, subscriptions, cors,
                workerThreads);
    }

    static List<String> splitList(String s) {
        return s == null ? List.of()
                : Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static void positive(String key, int value) throws HamsterException {
        if (value <= 0) {
            throw bad(key + " must be positive, not " + value);
        }
    }

    private static HamsterException bad(String what) {
        return new HamsterException(ErrorCode.CONFIG, "org.hamster.rpc: " + what);
    }
}
