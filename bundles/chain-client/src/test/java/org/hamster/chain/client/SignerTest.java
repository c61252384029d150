package org.hamster.chain.client;

import static org.hamster.chain.client.ChainClientTest.FAST;
import static org.hamster.chain.client.ChainClientTest.await;
import static org.hamster.chain.client.ChainClientTest.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.Era;
import org.hamster.chain.EventRecord;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.H256;
import org.hamster.chain.SignedPayload;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.client.testnode.FakeNode;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignerTest {
    private static final BigInteger ONE_HAM = BigInteger.TEN.pow(12);
    private final Calls calls = Calls.dev();
    private Ed25519.KeyPair alice;
    private AccountId aliceId;
    private AccountId bob;
    private FakeNode node;
    private ChainClient client;
    private Signer signer;

    @BeforeEach
    void start() throws Exception {
        alice = KeyDerivation.pair("//Alice");
        aliceId = AccountId.of(alice.publicKey());
        bob = AccountId.of(KeyDerivation.pair("//Bob").publicKey());
        node = new FakeNode();
        // a short request timeout means frequent keep-alive pings: lostConnectionWhileWaiting relies on them
        client = ChainClient.connect(node.uri(), FAST.withRequestTimeout(Duration.ofSeconds(1)));
        signer = client.signer();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        node.close();
    }

    private long count(String method) {
        return node.calls.stream().filter(method::equals).count();
    }

    @Test
    void signedExtrinsicDecodesAndVerifiesAsTheRuntimeChecksIt() throws Exception {
        node.produceBlock(false);
        node.produceBlock(false);
        byte[] call = calls.transferKeepAlive(bob, ONE_HAM);
        byte[] xt = await(signer.sign(alice, call, TxOptions.DEFAULT.withTip(BigInteger.valueOf(5))));
        Extrinsic decoded = Extrinsic.decode(xt);
        assertEquals(aliceId, decoded.signer());
        assertEquals(0, decoded.nonce());
        assertEquals(BigInteger.valueOf(5), decoded.tip());
        assertArrayEquals(call, decoded.call());
        assertEquals(Era.mortal(64, 2), decoded.era());
        H256 birth = await(client.blockHash(2)).orElseThrow();
        byte[] payload = SignedPayload.of(call, decoded.era(), 0, decoded.tip(), 100, 1, node.genesis(), birth);
        assertTrue(Ed25519.verify(alice.publicKey(), payload, decoded.signature()));
    }

    @Test
    void transferIsIncludedWithItsEvents() throws Exception {
        TxInBlock in = await(signer.submitAndWaitInBlock(alice, calls.transferKeepAlive(bob, ONE_HAM)));
        assertEquals(await(client.blockHash(1)).orElseThrow(), in.blockHash());
        assertEquals(0, in.extrinsicIndex());
        Extrinsic included = node.included.get(0);
        assertEquals(included.hash(), in.txHash());
        assertEquals(List.of("2.2", "3.0", "0.0"), in.events().stream()
                .map(e -> e.palletIndex() + "." + e.eventIndex()).toList());
        EventRecord transfer = in.find(FakeNode.BALANCES, 2).orElseThrow();
        assertArrayEquals(alice.publicKey(), java.util.Arrays.copyOfRange(transfer.fields(), 0, 32));
        assertArrayEquals(bob.publicKey(), java.util.Arrays.copyOfRange(transfer.fields(), 32, 64));
        assertEquals(3, await(client.events(in.blockHash())).size());
        assertEquals(1, await(client.account(aliceId)).nonce());
    }

    @Test
    void failedCallSurfacesTheModuleError() throws Exception {
        ExtrinsicFailedException e = assertInstanceOf(ExtrinsicFailedException.class,
                failure(signer.submitAndWaitInBlock(alice, calls.transferAllowDeath(bob, BigInteger.TEN.pow(21)))));
        assertEquals(DispatchError.Kind.MODULE, e.error().kind());
        assertEquals("Balances", e.module());
        assertEquals("InsufficientBalance", e.errorName());
        assertTrue(e.getMessage().contains("Balances.InsufficientBalance"), e.getMessage());
        assertEquals(await(client.blockHash(1)).orElseThrow(), e.inclusion().blockHash());
        // the failed extrinsic still used nonce 0: the next one gets 1 without asking the node again
        await(signer.submitAndWaitInBlock(alice, calls.remark(new byte[] {1})));
        assertEquals(1, node.included.get(1).nonce());
        assertEquals(1, count("system_accountNextIndex"));
    }

    /** A block with a market event is read, and a market pallet's error is named by the pallet's enum. */
    @Test
    void marketCallsAreIncludedWithTheirEventsAndNamedErrors() throws Exception {
        MarketCalls market = client.market().calls();
        String ssh = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBL9Y64pXdwsxJuEnwAb+5++Unni2eoxN/+Nsn6087/8 c@h";
        TxInBlock in = await(signer.submitAndWaitInBlock(alice, market.createOrder(3, 2, ssh)));
        List<org.hamster.pallet.resourceorder.ResourceOrderEvent> events = client.market().orderEvents(in.events());
        assertEquals(1, events.size());
        var created = (org.hamster.pallet.resourceorder.ResourceOrderEvent.OrderCreated) events.get(0);
        assertEquals(aliceId, created.tenant());
        assertEquals(3, created.resource());
        assertEquals(2, created.hours());
        assertEquals(ssh, new String(created.sshPublicKey().toArray(), java.nio.charset.StandardCharsets.UTF_8));
        ExtrinsicFailedException e = assertInstanceOf(ExtrinsicFailedException.class,
                failure(signer.submitAndWaitInBlock(alice, market.execOrder(0))));
        assertEquals("ResourceOrder", e.module());
        assertEquals("NotResourceOwner", e.errorName());
        assertTrue(e.getMessage().contains("ResourceOrder.NotResourceOwner"), e.getMessage());
    }

    @Test
    void noncesAreCountedLocally() throws Exception {
        for (int i = 0; i < 3; i++) {
            await(signer.submit(alice, calls.remark(new byte[] {(byte) i})));
        }
        assertEquals(List.of(0L, 1L, 2L), node.included.stream().map(Extrinsic::nonce).toList());
        assertEquals(1, count("system_accountNextIndex"));
        assertEquals(1, count("state_getRuntimeVersion"), "runtime version is fetched once");
    }

    @Test
    void staleNonceIsResyncedAndResigned() throws Exception {
        await(signer.submit(alice, calls.remark(new byte[] {1})));
        node.setNonce(aliceId, 7); // the account was used by another wallet
        await(signer.submit(alice, calls.remark(new byte[] {2})));
        assertEquals(7, node.included.get(1).nonce());
        assertEquals(1, node.rejections.get());
        assertEquals(2, count("system_accountNextIndex"));
    }

    @Test
    void futureNonceIsResyncedToo() throws Exception {
        node.setNonce(aliceId, 4);
        await(signer.submit(alice, calls.remark(new byte[] {1})));
        node.setNonce(aliceId, 2); // e.g. the node restarted from an older state
        await(signer.submitAndWaitInBlock(alice, calls.remark(new byte[] {2})));
        assertEquals(2, node.included.get(1).nonce());
    }

    @Test
    void fixedNonceIsNeverRetried() throws Exception {
        TransactionInvalidException e = assertInstanceOf(TransactionInvalidException.class,
                failure(signer.submit(alice, calls.remark(new byte[0]), TxOptions.DEFAULT.withNonce(5))));
        assertEquals(TransactionRejected.Invalid.FUTURE, e.reason());
        assertEquals(1, node.rejections.get());
    }

    @Test
    void announcedRuntimeUpgradeRefreshesVersionBeforeSigning() throws Exception {
        await(signer.submit(alice, calls.remark(new byte[] {1})));
        node.produceBlock(true);
        await(signer.submit(alice, calls.remark(new byte[] {2})));
        assertEquals(0, node.rejections.get());
        assertEquals(2, count("state_getRuntimeVersion"));
    }

    @Test
    void rejectedSignatureRefreshesVersionAndRetries() throws Exception {
        await(signer.submit(alice, calls.remark(new byte[] {1})));
        node.upgradeSilently();
        await(signer.submitAndWaitInBlock(alice, calls.remark(new byte[] {2})));
        assertEquals(1, node.rejections.get());
        assertEquals(1, node.included.get(1).nonce());
    }

    @Test
    void immortalTransactionsAnchorAtGenesis() throws Exception {
        node.produceBlock(false);
        await(signer.submitAndWaitInBlock(alice, calls.remark(new byte[0]), TxOptions.DEFAULT.asImmortal()));
        assertTrue(node.included.get(0).era().immortal());
    }

    @Test
    void lostConnectionWhileWaitingIsReportedAsSuch() throws Exception {
        node.dropAfterReady = true;
        ConnectionLostException e = assertInstanceOf(ConnectionLostException.class,
                failure(signer.submitAndWaitInBlock(alice, calls.remark(new byte[0]))));
        assertTrue(e.getMessage().contains("may still be included"), e.getMessage());
    }

    @Test
    void inclusionTimeout() throws Exception {
        node.silent.add("author_submitAndWatchExtrinsic");
        RequestTimeoutException e = assertInstanceOf(RequestTimeoutException.class, failure(signer
                .submitAndWaitInBlock(alice, calls.remark(new byte[0]),
                        TxOptions.DEFAULT.withInclusionTimeout(Duration.ofMillis(300)))));
        assertTrue(e.getMessage().contains("not included"), e.getMessage());
    }

    @Test
    void reconnectForgetsCachedChainFacts() throws Exception {
        await(signer.submit(alice, calls.remark(new byte[] {1})));
        java.util.concurrent.BlockingQueue<Boolean> states = new java.util.concurrent.LinkedBlockingQueue<>();
        client.addConnectionListener(states::add);
        node.server().dropAll();
        assertEquals(Boolean.FALSE, states.poll(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(Boolean.TRUE, states.poll(5, java.util.concurrent.TimeUnit.SECONDS));
        await(signer.submit(alice, calls.remark(new byte[] {2})));
        assertEquals(2, count("state_getRuntimeVersion"));
        assertEquals(2, count("system_accountNextIndex"));
    }
}
