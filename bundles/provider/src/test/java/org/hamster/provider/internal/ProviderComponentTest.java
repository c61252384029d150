package org.hamster.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Keystore;
import org.hamster.provider.ProviderManagement;
import org.hamster.provider.ProviderStatus;
import org.hamster.provider.ResourceSpec;
import org.hamster.rest.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider component without OSGi while it cannot start: it activates, starts nothing, says why in its status
 * and refuses every management call with that reason; it restarts once the files it waits for are fixed.
 */
class ProviderComponentTest {
    @TempDir
    Path dir;
    private ProviderComponent provider;
    private int port;

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.deactivate();
        }
    }

    private ProviderComponent activate(Map<String, Object> extra, Runnable restart) throws Exception {
        port = freePort();
        Map<String, Object> values = new HashMap<>(Map.of("keystoreDir", dir.resolve("keystore").toString(),
                "identityDir", dir.resolve("p2p").toString(), "dataDir", dir.resolve("data").toString(),
                "listenAddress", "/ip4/127.0.0.1/tcp/" + port));
        values.putAll(extra);
        ProviderComponent p = new ProviderComponent();
        p.recheckMillis = 50;
        p.begin(TestConfigs.provider(values), restart);
        return p;
    }

    @Test
    void withoutAnAccountItRunsUnconfiguredAndStartsNothing() throws Exception {
        int threads = Thread.activeCount();
        provider = activate(Map.of(), () -> {
            throw new AssertionError("nothing to wait for but a configuration change");
        });
        ProviderStatus s = provider.status();
        assertEquals(ProviderStatus.State.UNCONFIGURED, s.state());
        assertTrue(s.reason().startsWith("no account is set; set account"), s.reason());
        assertEquals("not configured: " + s.reason(), s.detail());
        assertFalse(s.running());
        assertNull(s.peerId());
        assertNull(s.account());
        assertEquals(List.of(), s.listenAddresses());
        assertEquals("docker", s.backend());
        assertEquals(List.of(), provider.leases());
        refusesEverything(provider.management(), ErrorCode.CONFIG, "bad configuration: the provider is not "
                + "configured: " + s.reason());
        nothingStarted(threads);
    }

    @Test
    void configuredButWithoutAChainClientItWaitsForTheChain() throws Exception {
        new Keystore(dir.resolve("keystore")).importKey("prov", "//Bob", "secret");
        Path password = Files.writeString(dir.resolve("pw"), "secret\n");
        int threads = Thread.activeCount();
        provider = activate(Map.of("account", "prov", "passwordFile", password.toString()), () -> { });
        ProviderStatus s = provider.status();
        assertEquals(ProviderStatus.State.WAITING_FOR_CHAIN, s.state());
        assertTrue(s.reason().startsWith("the chain client has no connection to its node yet"), s.reason());
        refusesEverything(provider.management(), ErrorCode.UNAVAILABLE, "unavailable: the provider is waiting for "
                + "the chain: " + s.reason());
        nothingStarted(threads);
    }

    @Test
    void itRestartsOnceTheKeystoreAccountAndPasswordFileAreFixed() throws Exception {
        Path password = dir.resolve("provider.password");
        CountDownLatch restarted = new CountDownLatch(1);
        provider = activate(Map.of("account", "prov", "passwordFile", password.toString()), restarted::countDown);
        assertTrue(provider.status().reason().startsWith("the keystore ("), provider.status().reason());

        new Keystore(dir.resolve("keystore")).importKey("prov", "//Bob", "secret");
        awaitReason("cannot read passwordFile " + password + " (no such file)");
        Files.writeString(password, "wrong\n");
        awaitReason("the password in passwordFile " + password + " does not unlock");
        assertEquals(1, restarted.getCount(), "not fixed yet");
        assertEquals(ErrorCode.CONFIG, assertThrows(HamsterException.class, () -> provider.management().account())
                .code());

        Files.writeString(password, "secret\n");
        assertTrue(restarted.await(10, TimeUnit.SECONDS), "restarted once the account unlocks");
        Thread.sleep(200);
        assertEquals(0, restarted.getCount());
    }

    @Test
    void restAnswersTheRefusalsClearly() {
        ApiException config = ApiErrors.of(new NotRunning(ProviderStatus.State.UNCONFIGURED, "no account is set")
                .refusal());
        assertEquals(409, config.status());
        assertEquals("not-configured", config.code());
        assertEquals("bad configuration: the provider is not configured: no account is set", config.getMessage());
        ApiException chain = ApiErrors.of(new NotRunning(ProviderStatus.State.WAITING_FOR_CHAIN, "no node")
                .refusal());
        assertEquals(503, chain.status());
        assertEquals("chain-unavailable", chain.code());
    }

    private void awaitReason(String start) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!provider.status().reason().startsWith(start) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(provider.status().reason().startsWith(start), provider.status().reason());
    }

    /** No p2p identity, lease table or listening socket, and no threads of the provider's loop. */
    private void nothingStarted(int threadsBefore) throws Exception {
        assertFalse(Files.exists(dir.resolve("p2p")), "no identity created");
        assertFalse(Files.exists(dir.resolve("data")), "no lease table");
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, s.getLocalPort(), "the listen port is free");
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("hamster-provider")),
                "no provider loop");
        assertTrue(Thread.activeCount() <= threadsBefore + 1, "at most the setup watcher");
    }

    private static void refusesEverything(ProviderManagement m, ErrorCode code, String message) {
        List<Executable> calls = new ArrayList<>(List.of(m::tokenDecimals, m::account, m::resources,
                () -> m.pledge(BigInteger.ONE), () -> m.withdrawPledge(BigInteger.ONE),
                () -> m.registerResource(new ResourceSpec(1, 1, 1, null, null, BigInteger.ONE, 1)),
                () -> m.setPrice(0, BigInteger.ONE), () -> m.addDuration(0, 1), () -> m.offline(0),
                () -> m.relist(0), () -> m.remove(0), () -> m.withdrawEarnings(0), m::withdrawEarnings));
        for (Executable call : calls) {
            HamsterException e = assertThrows(HamsterException.class, call);
            assertEquals(code, e.code());
            assertEquals(message, e.getMessage());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
