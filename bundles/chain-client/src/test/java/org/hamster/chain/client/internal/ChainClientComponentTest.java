package org.hamster.chain.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.testnode.FakeNode;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class ChainClientComponentTest {
    private final List<Object[]> registered = new CopyOnWriteArrayList<>();
    private final AtomicBoolean unregistered = new AtomicBoolean();

    /** The typed configuration with some keys overridden, defaults for the rest. */
    static ChainClientConfig config(Map<String, Object> overrides) {
        return (ChainClientConfig) Proxy.newProxyInstance(ChainClientConfig.class.getClassLoader(),
                new Class<?>[] {ChainClientConfig.class},
                (p, m, a) -> overrides.containsKey(m.getName()) ? overrides.get(m.getName()) : m.getDefaultValue());
    }

    private BundleContext context() {
        ServiceRegistration<?> reg = (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                    if (m.getName().equals("unregister")) {
                        unregistered.set(true);
                    }
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> {
                    if (m.getName().equals("registerService")) {
                        registered.add(a);
                        return reg;
                    }
                    return null;
                });
    }

    @Test
    void registersTheClientOnceConnectedAndUnregistersOnDeactivate() throws Exception {
        try (FakeNode node = new FakeNode()) {
            ChainClientComponent component = new ChainClientComponent();
            // 1 s requests: keep-alive pings every 500 ms notice a drop the JDK client missed (see Link)
            component.activate(context(), config(Map.of("url", node.uri().toString(), "minReconnectDelayMs", 50L,
                    "requestTimeoutMs", 1000L)));
            long deadline = System.currentTimeMillis() + 5000;
            while (registered.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, registered.size());
            assertEquals(ChainClient.class, registered.get(0)[0]);
            ChainClient client = (ChainClient) registered.get(0)[1];
            assertEquals(node.genesis(), ChainClient.await(client.genesisHash()));
            assertEquals(node.uri().toString(), ((Dictionary<?, ?>) registered.get(0)[2]).get("hamster.node.url"));

            node.server().dropAll();
            while (!client.isConnected() || node.server().connections() != 1) {
                assertTrue(System.currentTimeMillis() < deadline + 5000, "reconnected");
                Thread.sleep(20);
            }
            assertEquals(node.genesis(), ChainClient.await(client.genesisHash()));
            assertEquals(1, registered.size(), "a reconnection does not register twice");

            component.deactivate();
            assertTrue(unregistered.get());
            assertFalse(client.isConnected());
        }
    }

    @Test
    void registersNothingWhileTheNodeIsDown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ChainClientComponent component = new ChainClientComponent();
        component.activate(context(), config(Map.of("url", "ws://127.0.0.1:" + port, "minReconnectDelayMs", 20L,
                "maxReconnectDelayMs", 50L)));
        Thread.sleep(300);
        assertTrue(registered.isEmpty());
        component.deactivate();
        assertFalse(unregistered.get());
    }

    @Test
    void rejectsBadConfiguration() {
        ChainClientComponent component = new ChainClientComponent();
        HamsterException url = assertThrows(HamsterException.class,
                () -> component.activate(context(), config(Map.of("url", "http://127.0.0.1:9944"))));
        assertEquals(ErrorCode.CONFIG, url.code());
        assertThrows(HamsterException.class, () -> component.activate(context(), config(Map.of("url", "ws://[x"))));
        assertThrows(HamsterException.class,
                () -> component.activate(context(), config(Map.of("pallets", "System=0"))));
        assertThrows(HamsterException.class,
                () -> component.activate(context(), config(Map.of("pallets", "System:0,Balances:0"))));
        HamsterException delays = assertThrows(HamsterException.class, () -> component.activate(context(),
                config(Map.of("minReconnectDelayMs", 5000L, "maxReconnectDelayMs", 100L))));
        assertTrue(delays.getMessage().contains("minReconnectDelay"), delays.getMessage());
        assertThrows(HamsterException.class,
                () -> component.activate(context(), config(Map.of("requestTimeoutMs", 0L))));
        assertTrue(registered.isEmpty());
    }

    @Test
    void parsesPalletIndices() {
        assertEquals(Map.of("System", 0, "Provider", 9), ChainClientComponent.pallets(" System:0 , Provider : 9,"));
        assertThrows(IllegalArgumentException.class, () -> ChainClientComponent.pallets(""));
        assertThrows(IllegalArgumentException.class, () -> ChainClientComponent.pallets("System:x"));
    }
}
