package org.hamster.chain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.StorageChange;
import org.hamster.chain.Subscription;
import org.hamster.chain.client.testnode.FakeNode;
import org.hamster.crypto.DevAccounts;
import org.hamster.pallet.system.SystemStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainClientTest {
    static final ChainClientOptions FAST = ChainClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(5))
            .withConnectTimeout(Duration.ofSeconds(2)).withReconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200));
    private final AccountId alice = AccountId.of(DevAccounts.publicKey("Alice"));
    private FakeNode node;
    private ChainClient client;

    @BeforeEach
    void start() throws Exception {
        node = new FakeNode();
        client = ChainClient.connect(node.uri(), FAST);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        node.close();
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    /** The ChainClientException a failed future carries. */
    static ChainClientException failure(CompletableFuture<?> f) {
        return assertThrows(ChainClientException.class, () -> ChainClient.await(f.orTimeout(10, TimeUnit.SECONDS)));
    }

    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void typedQueries() throws Exception {
        assertTrue(client.isConnected());
        assertEquals(node.genesis(), await(client.genesisHash()));
        Header best = await(client.bestHeader());
        assertEquals(0, best.number());
        assertEquals(node.genesis(), best.hash());
        assertEquals(best, await(client.header(node.genesis())).orElseThrow());
        assertTrue(await(client.header(H256.ZERO)).isEmpty());
        assertEquals(node.genesis(), await(client.blockHash(0)).orElseThrow());
        assertTrue(await(client.blockHash(5)).isEmpty());
        assertEquals(node.genesis(), await(client.finalizedHead()));
        assertEquals(100, await(client.runtimeVersion()).specVersion());
        ChainProperties p = await(client.systemProperties());
        assertEquals("HAM", p.tokenSymbol());
        assertEquals(12, p.tokenDecimals());
        assertEquals(0, await(client.accountNextIndex(alice)));
        assertEquals(AccountInfo.EMPTY, await(client.account(alice)));
        node.setNonce(alice, 5);
        AccountInfo a = await(client.account(alice));
        assertEquals(5, a.nonce());
        assertEquals(FakeNode.SPENDABLE, a.free());
        assertEquals(5, await(client.accountNextIndex(alice)));
        assertTrue(await(client.storage(new byte[] {1, 2, 3})).isEmpty());
        node.putStorage(new byte[] {1, 2, 3}, new byte[] {9});
        assertEquals(9, await(client.storage(new byte[] {1, 2, 3})).orElseThrow()[0]);
        assertEquals(List.of(), await(client.events(null)));
        node.putStorage(SystemStorage.EVENTS.key(), new byte[] {4, 0, 0, 0, 0, 0, 9, 0});
        ChainClientException bad = failure(client.events(null));
        assertEquals(org.hamster.common.ErrorCode.DECODE, bad.code());
        assertTrue(bad.getMessage().contains("System.Events") && bad.getMessage().contains("#9"), bad.getMessage());
        assertTrue(await(client.blockBody(node.genesis())).orElseThrow().isEmpty());
    }

    @Test
    void genericCallsAndErrors() throws Exception {
        JsonNode echo = await(client.call("test_echo", 1, "x", new byte[] {1, 2}, null, null));
        assertEquals("[1,\"x\",\"0x0102\"]", echo.toString());
        RpcException missing = assertInstanceOf(RpcException.class, failure(client.call("no_such_method")));
        assertEquals(-32601, missing.rpcCode());
        assertEquals("no_such_method", missing.method());
        RpcException failed = assertInstanceOf(RpcException.class, failure(client.call("test_fail")));
        assertEquals("details", failed.data());
        assertTrue(failed.getMessage().contains("deliberate failure"), failed.getMessage());
        assertTrue(client.isConnected(), "an error answer keeps the connection");
    }

    @Test
    void poolErrorsBecomeTransactionInvalid() {
        TransactionInvalidException e = assertInstanceOf(TransactionInvalidException.class,
                failure(client.submit(new byte[] {4, 4, 0})));
        assertEquals(1010, e.rpcCode());
    }

    @Test
    void newHeadSubscriptionDeliversInOrderAndStops() throws Exception {
        BlockingQueue<Header> heads = new LinkedBlockingQueue<>();
        Subscription sub = await(client.subscribeNewHeads(heads::add));
        assertEquals(node.genesis(), heads.poll(5, TimeUnit.SECONDS).hash(), "the current head comes first");
        H256 one = node.produceBlock(false);
        H256 two = node.produceBlock(false);
        Header h1 = heads.poll(5, TimeUnit.SECONDS);
        Header h2 = heads.poll(5, TimeUnit.SECONDS);
        assertEquals(one, h1.hash());
        assertEquals(two, h2.hash());
        assertEquals(h1.hash(), h2.parentHash());
        sub.close();
        eventually("unsubscribe", () -> node.calls.contains("chain_unsubscribeNewHeads"));
        node.produceBlock(false);
        assertNull(heads.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void storageSubscriptionReportsCurrentValueThenChanges() throws Exception {
        node.setNonce(alice, 1);
        BlockingQueue<StorageChange> changes = new LinkedBlockingQueue<>();
        byte[] key = SystemStorage.ACCOUNT.key(alice);
        await(client.subscribeStorage(List.of(key), changes::add));
        StorageChange first = changes.poll(5, TimeUnit.SECONDS);
        assertEquals(1, AccountInfo.decode(first.changes().get(0).value()).nonce());
        node.setNonce(alice, 2);
        H256 block = node.produceBlock(false);
        StorageChange second = changes.poll(5, TimeUnit.SECONDS);
        assertEquals(block, second.block());
        assertEquals(2, AccountInfo.decode(second.changes().get(0).value()).nonce());
    }

    @Test
    void reconnectsAndRenewsSubscriptionsAfterTheNodeDropsTheConnection() throws Exception {
        BlockingQueue<Boolean> states = new LinkedBlockingQueue<>();
        client.addConnectionListener(states::add);
        BlockingQueue<Header> heads = new LinkedBlockingQueue<>();
        BlockingQueue<Header> finalized = new LinkedBlockingQueue<>();
        await(client.subscribeNewHeads(heads::add));
        await(client.subscribeFinalizedHeads(finalized::add));
        assertEquals(node.genesis(), heads.poll(5, TimeUnit.SECONDS).hash());
        assertEquals(node.genesis(), finalized.poll(5, TimeUnit.SECONDS).hash());

        node.server().dropAll();
        assertEquals(Boolean.FALSE, states.poll(5, TimeUnit.SECONDS));
        assertEquals(Boolean.TRUE, states.poll(5, TimeUnit.SECONDS));
        eventually("renewed subscriptions", () -> node.calls.stream()
                .filter(m -> m.startsWith("chain_subscribe")).count() == 4);

        H256 next = node.produceBlock(false);
        assertEquals(next, heads.poll(5, TimeUnit.SECONDS).hash(), "the renewal's repeat of genesis is dropped");
        assertEquals(next, finalized.poll(5, TimeUnit.SECONDS).hash());
        assertNull(heads.poll(100, TimeUnit.MILLISECONDS), "one notification per block, no duplicates");
        assertEquals(1, node.server().connections());
    }

    @Test
    void unansweredPingsCountAsALostConnection() throws Exception {
        try (ChainClient quick = ChainClient.connect(node.uri(), FAST.withRequestTimeout(Duration.ofMillis(200)))) {
            BlockingQueue<Boolean> states = new LinkedBlockingQueue<>();
            quick.addConnectionListener(states::add);
            Thread.sleep(500);
            assertNull(states.poll(), "pongs keep the link up");
            node.server().ignorePings = true;
            assertEquals(Boolean.FALSE, states.poll(5, TimeUnit.SECONDS));
            node.server().ignorePings = false;
            assertEquals(Boolean.TRUE, states.poll(5, TimeUnit.SECONDS));
            assertEquals("[4]", await(quick.call("test_echo", 4)).toString());
        }
    }

    /** Guards the keep-alive that works around the JDK losing an end of stream during message delivery. */
    @Test
    void everyDropIsNoticed() throws Exception {
        try (ChainClient quick = ChainClient.connect(node.uri(), FAST.withRequestTimeout(Duration.ofMillis(400)))) {
            BlockingQueue<Boolean> states = new LinkedBlockingQueue<>();
            quick.addConnectionListener(states::add);
            for (int i = 0; i < 30; i++) {
                await(quick.genesisHash());
                node.server().dropAll();
                assertEquals(Boolean.FALSE, states.poll(3, TimeUnit.SECONDS), "drop " + i + " noticed");
                assertEquals(Boolean.TRUE, states.poll(3, TimeUnit.SECONDS), "reconnected after drop " + i);
            }
        }
    }

    @Test
    void requestsInFlightFailWhenTheConnectionDrops() throws Exception {
        node.silent.add("test_echo");
        CompletableFuture<JsonNode> f = client.call("test_echo", 1);
        eventually("request at node", () -> node.calls.contains("test_echo"));
        long start = System.nanoTime();
        node.server().dropAll();
        ConnectionLostException e = assertInstanceOf(ConnectionLostException.class, failure(f));
        assertTrue(e.getMessage().contains("test_echo"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "failed fast, not by timeout");
        node.silent.clear();
        assertEquals("[2]", await(client.call("test_echo", 2)).toString());
    }

    @Test
    void requestsTimeOut() throws Exception {
        try (ChainClient quick = ChainClient.connect(node.uri(), FAST.withRequestTimeout(Duration.ofMillis(300)))) {
            node.silent.add("test_echo");
            RequestTimeoutException e = assertInstanceOf(RequestTimeoutException.class,
                    failure(quick.call("test_echo")));
            assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
            node.silent.clear();
            assertEquals("[3]", await(quick.call("test_echo", 3)).toString(), "a late answer does not confuse it");
        }
    }

    @Test
    void requestsMadeWhileTheNodeIsDownWaitForItToComeBack() throws Exception {
        int port = node.port();
        H256 oldGenesis = node.genesis();
        node.close();
        eventually("disconnect", () -> !client.isConnected());
        CompletableFuture<JsonNode> f = client.call("test_echo", "queued");
        Thread.sleep(200);
        assertFalse(f.isDone());
        node = new FakeNode(port);
        assertEquals("[\"queued\"]", await(f).toString());
        assertNotNull(oldGenesis);
        assertEquals(node.genesis(), await(client.genesisHash()));
    }

    @Test
    void connectFailsClearlyWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("ws://127.0.0.1:" + port);
        ConnectionLostException e = assertThrows(ConnectionLostException.class,
                () -> ChainClient.connect(nowhere, FAST.withConnectTimeout(Duration.ofMillis(300))));
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChainClient.open(URI.create("http://127.0.0.1:1"), FAST));
    }

    @Test
    void closingFailsPendingRequestsAndRefusesNewOnes() throws Exception {
        node.silent.add("test_echo");
        CompletableFuture<JsonNode> f = client.call("test_echo");
        eventually("request at node", () -> node.calls.contains("test_echo"));
        client.close();
        assertInstanceOf(ConnectionLostException.class, failure(f));
        assertInstanceOf(ConnectionLostException.class, failure(client.call("test_echo")));
        assertFalse(client.isConnected());
    }
}
