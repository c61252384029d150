package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.junit.jupiter.api.Test;

/** The DS component without a framework: typed configuration in, a serving port out. */
class RpcServerComponentTest {
    /** The configuration DS would pass: the annotation's defaults, with some keys overridden. */
    private static RpcConfig config(Map<String, Object> overrides) {
        return (RpcConfig) Proxy.newProxyInstance(RpcConfig.class.getClassLoader(), new Class<?>[] {RpcConfig.class},
                (proxy, method, args) -> overrides.containsKey(method.getName()) ? overrides.get(method.getName())
                        : method.getDefaultValue());
    }

    @Test
    void defaultsMatchTheDocumentedOnes() throws Exception {
        ServerSettings s = ServerSettings.from(config(Map.of()));
        assertEquals("127.0.0.1", s.host());
        assertEquals(9944, s.port());
        assertEquals(10 * 1024 * 1024, s.maxRequestBytes());
        assertEquals(10 * 1024 * 1024, s.maxResponseBytes());
        assertEquals(100, s.maxConnections());
        assertEquals(1024, s.maxSubscriptionsPerConnection());
        assertEquals(4, s.workerThreads());
        assertEquals(ServerSettings.defaults(9944), s);
    }

    @Test
    void badConfigurationIsRefused() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("port", 70000), Map.of("port", -1),
                Map.of("host", " "), Map.of("maxRequestBytes", 0), Map.of("maxConnections", -5),
                Map.of("workerThreads", 0))) {
            HamsterException e = assertThrows(HamsterException.class,
                    () -> new RpcServerComponent(new InMemoryChain(List.of()), config(bad)), bad::toString);
            assertEquals(ErrorCode.CONFIG, e.code());
        }
    }

    @Test
    void servesUntilDeactivatedAndRefusesABusyPort() throws Exception {
        RpcServerComponent c = new RpcServerComponent(new InMemoryChain(List.of()), config(Map.of("port", 0)));
        int port = c.address().getPort();
        try {
            assertEquals("Hamster Test", new HttpRpc(port).result("system_chain").asText());
            IOException busy = assertThrows(IOException.class,
                    () -> new RpcServerComponent(new InMemoryChain(List.of()), config(Map.of("port", port))));
            assertTrue(busy.getMessage().contains("cannot listen on 127.0.0.1:" + port), busy.getMessage());
        } finally {
            c.deactivate();
        }
        assertThrows(Exception.class, () -> new HttpRpc(port).call("system_chain"));
    }
}
