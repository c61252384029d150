package org.hamster.client.internal;

import static org.hamster.client.internal.SettingsTest.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamster.client.ClientException.Reason;
import org.hamster.client.ClientSettings;
import org.hamster.client.ClientStatus;
import org.hamster.client.MarketQuery;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Keystore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client component without OSGi and without a node: the account, input checks that come before anything is
 * sent, and chain operations failing as unavailable.
 */
class ClientComponentTest {
    @TempDir
    Path dir;
    private ClientComponent client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.deactivate();
        }
    }

    static ClientConfig config(Map<String, Object> values) {
        return (ClientConfig) Proxy.newProxyInstance(ClientConfig.class.getClassLoader(),
                new Class<?>[] {ClientConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "ClientConfig" + values : null;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                });
    }

    private ClientComponent start(Map<String, Object> extra) throws HamsterException {
        Map<String, Object> values = new HashMap<>(Map.of("keystoreDir", dir.resolve("keystore").toString(),
                "identityDir", dir.resolve("p2p").toString()));
        values.putAll(extra);
        ClientComponent c = new ClientComponent();
        c.activate(config(values));
        return c;
    }

    @Test
    void withoutAccountOrNodeItSaysWhatIsMissing() throws Exception {
        client = start(Map.of());
        ClientStatus s = client.status();
        assertNull(s.account());
        assertFalse(s.unlocked());
        assertFalse(s.chainConnected());
        assertEquals("ws://127.0.0.1:9944", s.chainUrl());
        assertTrue(s.detail().startsWith("no account"), s.detail());
        assertTrue(Files.exists(dir.resolve("p2p/p2p-client.key")), "a p2p identity of its own");
        assertEquals(Reason.LOCKED, reason(client::orders));
        assertEquals(Reason.LOCKED, reason(() -> client.buy(0, 1, SettingsTest.KEY)));
        assertEquals(Reason.CHAIN_UNAVAILABLE, reason(() -> client.market(MarketQuery.available())));
        assertEquals(Reason.NOT_FOUND, reason(() -> client.unlink(3)));
        assertEquals(List.of(), client.links());
    }

    @Test
    void badInputIsRefusedBeforeAnythingElse() throws Exception {
        client = start(Map.of());
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.buy(0, 0, SettingsTest.KEY)));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.buy(0, 1L << 32, SettingsTest.KEY)));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.buy(-1, 1, SettingsTest.KEY)));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.buy(0, 1, "ssh-ed25519 garbage")));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.buy(0, 1, null)), "no key given, none configured");
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.renew(1, 0)));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.cancel(-2)));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.link(1, 70000)));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.market(new MarketQuery(-1L, null, null, null, null,
                null, false))));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.updateSettings(new ClientSettings("http://x", null,
                null, null, null))));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.updateSettings(new ClientSettings(null, "nobody",
                null, null, null))));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.updateSettings(new ClientSettings(null, null, null,
                null, List.of("/ip4/1.2.3.4/tcp/1")))));
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.unlock(null, "pw")), "no account to unlock");
    }

    @Test
    void theAccountUnlocksFromItsPasswordFileOrAtRunTimeAndLocks() throws Exception {
        Keystore ks = new Keystore(dir.resolve("keystore"));
        String address = ks.importKey("tenant", "//Charlie", "secret");
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        client = start(Map.of("account", "tenant", "passwordFile", pw.toString()));
        ClientStatus s = client.status();
        assertEquals("tenant", s.account());
        assertEquals(address, s.address());
        assertTrue(s.unlocked());
        assertTrue(s.detail().startsWith("no connection to the node"), s.detail());
        assertEquals(Reason.CHAIN_UNAVAILABLE, reason(client::orders));
        assertEquals(Reason.CHAIN_UNAVAILABLE, reason(() -> client.buy(0, 1, SettingsTest.KEY)));

        assertFalse(client.lock().unlocked());
        assertEquals(Reason.LOCKED, reason(() -> client.cancel(1)));
        assertEquals(address, client.status().address(), "a locked account still has its address");
        assertEquals(Reason.INVALID_INPUT, reason(() -> client.unlock(null, "wrong")));
        assertEquals(Reason.NOT_FOUND, reason(() -> client.unlock("nobody", "secret")));
        assertTrue(client.unlock(null, "secret").unlocked());
        assertEquals("tenant", client.settings().account());
    }

    @Test
    void aConfiguredKeyFileIsUsedAndBadGatewaysStopActivation() throws Exception {
        Path pub = Files.writeString(dir.resolve("id.pub"), SettingsTest.KEY + "\n");
        client = start(Map.of("sshPublicKey", pub.toString(), "preferredGateways", " "));
        assertEquals(pub.toString(), client.settings().sshPublicKey());
        assertEquals(List.of(), client.settings().preferredGateways());
        assertEquals(Reason.LOCKED, reason(() -> client.buy(0, 1, null)), "the configured key passed the checks");
        assertThrows(HamsterException.class, () -> start(Map.of("preferredGateways", "/ip4/1.2.3.4/tcp/1")));
    }
}
