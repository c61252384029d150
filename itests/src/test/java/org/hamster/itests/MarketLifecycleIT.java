package org.hamster.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.H256;
import org.hamster.chain.client.AccountInfo;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.chain.client.Market;
import org.hamster.chain.client.MarketCalls;
import org.hamster.chain.client.TxInBlock;
import org.hamster.codec.Codecs;
import org.hamster.common.Bytes;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.hamster.pallet.balances.BalancesStorage;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.PeerIds;
import org.hamster.pallet.provider.ProviderEvent.ResourceRegistered;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderEvent.AgreementFinished;
import org.hamster.pallet.resourceorder.ResourceOrderEvent.AgreementStarted;
import org.hamster.pallet.resourceorder.ResourceOrderEvent.HeartbeatReceived;
import org.hamster.pallet.resourceorder.ResourceOrderEvent.OrderCreated;
import org.hamster.pallet.resourceorder.ResourceOrderEvent.RentWithdrawn;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.transactionpayment.TransactionPaymentStorage;
import org.junit.jupiter.api.Test;

/**
 * A whole lease on a node assembly run as a real process, driven by the chain client over WebSocket: the provider
 * (//Bob) pledges and lists a machine, the tenant (//Charlie) orders an hour of it, the provider executes the
 * order and heartbeats (rent settled pro rata), withdraws the settled rent, the lease expires (the rest is paid,
 * the pledge unlocked, the resource free again) and the provider withdraws its pledge. Every balance change is
 * accounted for to the planck, fees included, and the total issuance does not move. Calls bound to fail (the
 * tenant's exec and heartbeat, an order on a Locked resource) are refused by the node's pool with the pallet's
 * error and cost nothing; one queued behind a conflicting order is included and fails there, paying its fee.
 * An hour lasts 20 s of chain time here (chain spec constant), blocks come every second.
 */
class MarketLifecycleIT {
    static final int PORT = 19947;
    static final long HOUR_MS = 20_000;
    static final long GRACE_MS = 5_000;
    static final long TOLERANCE_MS = 10_000;
    /** 7 HAM and 13 planck per hour: pro-rata settlement rounds down, the end pays the remainder. */
    static final BigInteger PRICE = new BigInteger("7000000000013");
    /** A real `ssh-keygen -t ed25519` public key line. */
    static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBL9Y64pXdwsxJuEnwAb+5++Unni2eoxN/+Nsn6087/8 "
            + "charlie@hamster-itest";

    private final Ed25519.KeyPair alice = pair("//Alice");
    private final Ed25519.KeyPair bob = pair("//Bob");
    private final Ed25519.KeyPair charlie = pair("//Charlie");
    private final Ed25519.KeyPair dave = pair("//Dave");
    private final AccountId aliceId = AccountId.of(alice.publicKey());
    private final AccountId bobId = AccountId.of(bob.publicKey());
    private final AccountId charlieId = AccountId.of(charlie.publicKey());
    private final AccountId daveId = AccountId.of(dave.publicKey());
    private final AccountId escrow = ResourceOrderStorage.ESCROW;
    private final AccountId treasury = TransactionPaymentStorage.TREASURY;
    private ChainClient client;
    private Market market;
    private MarketCalls calls;
    private FeeTally tx;

    @Test
    void leaseFromPledgeToExpiryPaysEveryoneExactly() throws Exception {
        long t0 = System.nanoTime();
        try (KarafProcess karaf = KarafProcess.unpack(Path.of(System.getProperty("hamster.node.zip")),
                Path.of("target/market-node").toAbsolutePath())) {
            Path spec = writeChainSpec(karaf.home());
            karaf.config("org.hamster.rpc.cfg", "port", String.valueOf(PORT));
            karaf.config("org.hamster.chain.runtime.cfg", "chainSpec", spec.toString());
            karaf.config("org.hamster.chain.runtime.cfg", "blockTimeMs", "1000");
            karaf.start();
            new Rpc(PORT).awaitUp(Duration.ofSeconds(120));
            long t1 = System.nanoTime();
            try (ChainClient c = ChainClient.connect(URI.create("ws://127.0.0.1:" + PORT),
                    ChainClientOptions.defaults())) {
                client = c;
                market = c.market();
                calls = market.calls();
                tx = new FeeTally(c);
                lifecycle();
            }
            System.out.printf("MarketLifecycleIT: node up in %d s, market lifecycle in %d s%n",
                    (t1 - t0) / 1_000_000_000, (System.nanoTime() - t1) / 1_000_000_000);
        }
    }

    private void lifecycle() throws Exception {
        List<AccountId> accounts = List.of(aliceId, bobId, charlieId, daveId, escrow, treasury);
        Map<AccountId, AccountInfo> before = balances(accounts);
        BigInteger issuance = issuance();

        // provider: pledge twice the price, list a machine for 10 hours
        BigInteger pledge = PRICE.multiply(BigInteger.TWO);
        tx.ok(bob, calls.pledge(pledge));
        assertEquals(new PledgeInfo(pledge, BigInteger.ZERO), await(market.pledge(bobId)));
        String peerId = PeerIds.ofEd25519(bob.publicKey());
        ResourceConfig config = new ResourceConfig(2, 4, 40, utf8("Debian 12"), utf8("QEMU Virtual CPU"), null,
                utf8("local"));
        TxInBlock listed = tx.ok(bob, calls.registerResource(peerId, config, PRICE, 10));
        ResourceRegistered registered = only(market.providerEvents(listed.events()), ResourceRegistered.class);
        long resourceId = registered.resource();
        Resource resource = await(market.resource(resourceId)).orElseThrow();
        assertEquals(new Resource(resourceId, bobId, utf8(peerId), config, PRICE, 10, resource.registeredAt(),
                resource.registeredAt() + 10 * HOUR_MS, ResourceStatus.UNUSED), resource);
        assertEquals(List.of(resource), await(market.resourcesOf(bobId)));
        assertTrue(await(market.resources()).contains(resource));

        // tenant: one hour. A second order queued behind it (next nonce, so the pool cannot try it first) is
        // included and fails on the now Locked resource; another tenant's order is refused up front.
        long nonce = await(client.accountNextIndex(charlieId));
        byte[] order = calls.createOrder(resourceId, 1, SSH_KEY);
        CompletableFuture<TxInBlock> second = tx.submit(charlie, order, FeeTally.OPTIONS.withNonce(nonce + 1));
        awaitPooled(1);
        TxInBlock ordered = tx.ok(tx.submit(charlie, order, FeeTally.OPTIONS.withNonce(nonce)));
        tx.failsInBlock(second, "Provider", "ResourceNotUnused");
        client.signer().resetNonce(charlieId);
        OrderCreated created = only(market.orderEvents(ordered.events()), OrderCreated.class);
        assertEquals(new OrderCreated(created.order(), charlieId, bobId, resourceId, 1, PRICE, utf8(SSH_KEY)), created);
        assertEquals(ResourceStatus.LOCKED, status(resourceId));
        tx.refused(dave, calls.createOrder(resourceId, 1, SSH_KEY), "Provider.ResourceNotUnused");
        assertEquals(0, await(client.accountNextIndex(daveId)), "a refused transaction uses no nonce");
        tx.refused(charlie, calls.execOrder(created.order()), "ResourceOrder.NotResourceOwner");
        assertEquals(List.of(created.order()), ids(await(market.ordersOf(charlieId)), Order::id));
        assertEquals(List.of(created.order()), ids(await(market.ordersOfProvider(bobId)), Order::id));

        // provider executes: the agreement runs one hour, the pledge is locked 1:1
        TxInBlock executed = tx.ok(bob, calls.execOrder(created.order()));
        AgreementStarted started = only(market.orderEvents(executed.events()), AgreementStarted.class);
        long agreementId = started.agreement();
        assertEquals(HOUR_MS, started.end() - started.start());
        assertEquals(PRICE, started.pledgeLocked());
        assertEquals(new PledgeInfo(pledge, PRICE), await(market.pledge(bobId)));
        assertEquals(ResourceStatus.INUSE, status(resourceId));
        Order done = await(market.order(created.order())).orElseThrow();
        assertEquals(OrderStatus.FINISHED, done.status());
        assertEquals(Long.valueOf(agreementId), done.agreement());
        RentalAgreement running = await(market.agreement(agreementId)).orElseThrow();
        assertEquals(AgreementStatus.USING, running.status());
        assertEquals(List.of(running), await(market.agreementsOf(charlieId)));
        assertEquals(List.of(running), await(market.agreementsOfProvider(bobId)));
        tx.refused(charlie, calls.heartbeat(agreementId), "ResourceOrder.NotAgreementProvider");
        tx.refused(charlie, calls.withdrawRent(agreementId), "ResourceOrder.NotAgreementProvider");

        // heartbeats settle the rent pro rata, until the last one makes the deadline reach the end of the lease
        BigInteger settled = heartbeats(started);
        TxInBlock withdrawn = tx.ok(bob, calls.withdrawRent(agreementId));
        assertEquals(new RentWithdrawn(agreementId, bobId, settled),
                only(market.orderEvents(withdrawn.events()), RentWithdrawn.class));

        // the lease ends by itself: the rest of the rent is paid, the pledge unlocked, the resource free
        RentalAgreement finished = awaitClosed(agreementId, started.end());
        assertEquals(AgreementStatus.FINISHED, finished.status());
        assertEquals(PRICE, finished.settled());
        assertEquals(PRICE, finished.withdrawn());
        assertEquals(BigInteger.ZERO, finished.pledgeLocked());
        AgreementFinished end = finishedEvent(withdrawn.blockHash(), agreementId);
        assertEquals(new AgreementFinished(agreementId, resourceId, bobId, PRICE.subtract(settled)), end);
        assertEquals(ResourceStatus.UNUSED, status(resourceId));
        assertEquals(new PledgeInfo(pledge, BigInteger.ZERO), await(market.pledge(bobId)));
        assertEquals(new ProviderStatistics(1, 1, 0, 0), await(market.providerStats(bobId)));
        tx.refused(bob, calls.withdrawRent(agreementId), "ResourceOrder.NothingToWithdraw");
        tx.ok(bob, calls.withdrawPledge(pledge));
        assertEquals(BigInteger.ZERO, await(market.pledge(bobId)).total());
        assertEquals(BigInteger.ZERO, await(market.refund(charlieId)));

        gateway();

        Map<AccountId, AccountInfo> after = balances(accounts);
        assertEquals(total(before, charlieId).subtract(PRICE).subtract(tx.of(charlieId)), total(after, charlieId),
                "the tenant paid the price and its fees");
        assertEquals(total(before, bobId).add(PRICE).subtract(tx.of(bobId)), total(after, bobId),
                "the provider got the price, less its fees");
        assertEquals(total(before, daveId), total(after, daveId), "a refused order costs nothing");
        assertEquals(BigInteger.ZERO, tx.of(daveId));
        assertTrue(tx.of(charlieId).signum() > 0 && tx.of(bobId).signum() > 0);
        assertEquals(total(before, aliceId).subtract(tx.of(aliceId)), total(after, aliceId),
                "the gateway bond came back");
        assertEquals(before.get(escrow), after.get(escrow), "the escrow holds what it held");
        assertEquals(before.get(treasury).free().add(tx.total()), after.get(treasury).free(),
                "fees went to the treasury");
        for (AccountId who : List.of(aliceId, bobId, charlieId, daveId)) {
            assertEquals(before.get(who).reserved(), after.get(who).reserved(), "reserved balance of " + who);
        }
        assertEquals(issuance, issuance(), "fees moved to the treasury, nothing minted or burnt");
        System.out.printf("MarketLifecycleIT: rent %s = %s by heartbeats + %s at the end; fees: provider %s, tenant %s,"
                + " gateway %s%n", PRICE, settled, end.paid(), tx.of(bobId), tx.of(charlieId), tx.of(aliceId));
    }

    /**
     * Heartbeats every 2 s until the heartbeat deadline (max(last, start + grace) + tolerance) reaches the end of
     * the lease, so that no health check is due; each settles (amount - settled) x (at - lastSettled) /
     * (end - lastSettled), rounded down. Returns the rent settled.
     */
    private BigInteger heartbeats(AgreementStarted a) throws Exception {
        BigInteger settled = BigInteger.ZERO;
        long lastSettled = a.start();
        List<HeartbeatReceived> beats = new ArrayList<>();
        while (Math.max(lastSettled, a.start() + GRACE_MS) + TOLERANCE_MS < a.end()) {
            Thread.sleep(2_000);
            TxInBlock in = tx.ok(bob, calls.heartbeat(a.agreement()));
            HeartbeatReceived hb = only(market.orderEvents(in.events()), HeartbeatReceived.class);
            assertTrue(hb.at() > lastSettled && hb.at() < a.end(), "heartbeat at " + hb.at() + " within the lease");
            assertTrue(hb.at() - lastSettled <= (beats.isEmpty() ? GRACE_MS + TOLERANCE_MS : TOLERANCE_MS),
                    "heartbeats came too slowly for the chain's tolerance: " + (hb.at() - lastSettled) + " ms");
            BigInteger due = PRICE.subtract(settled).multiply(BigInteger.valueOf(hb.at() - lastSettled))
                    .divide(BigInteger.valueOf(a.end() - lastSettled));
            assertEquals(due, hb.settled(), "pro-rata rent of heartbeat " + beats.size());
            assertTrue(due.signum() > 0);
            settled = settled.add(due);
            lastSettled = hb.at();
            beats.add(hb);
        }
        assertTrue(beats.size() >= 3, "heartbeats: " + beats.size());
        RentalAgreement a2 = await(market.agreement(a.agreement())).orElseThrow();
        assertEquals(settled, a2.settled());
        assertEquals(lastSettled, a2.lastHeartbeat());
        return settled;
    }

    /** Alice runs a gateway for a moment: it is on the bootstrap list while registered, its bond reserved. */
    private void gateway() throws Exception {
        String peer = PeerIds.ofEd25519(alice.publicKey());
        String addr = "/ip4/127.0.0.1/tcp/4001/p2p/" + peer;
        tx.ok(alice, calls.registerGateway(addr));
        assertEquals(List.of(addr), await(market.bootstrapList()));
        List<GatewayInfo> gateways = await(market.gateways());
        assertEquals(1, gateways.size());
        assertEquals(aliceId, gateways.get(0).owner());
        assertEquals(addr, gateways.get(0).multiaddr());
        assertEquals(gateways.get(0).bond(), await(client.account(aliceId)).reserved());
        tx.ok(alice, calls.gatewayHeartbeat(peer));
        tx.ok(alice, calls.deregisterGateway(peer));
        assertEquals(List.of(), await(market.bootstrapList()));
        assertEquals(List.of(), await(market.gateways()));
    }

    private RentalAgreement awaitClosed(long id, long end) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            RentalAgreement a = await(market.agreement(id)).orElseThrow();
            if (a.status() != AgreementStatus.USING) {
                assertTrue(a.closedAt() >= end, "closed at " + a.closedAt() + ", before the end " + end);
                return a;
            }
            assertTrue(System.nanoTime() < deadline, "agreement " + id + " still running long after its end");
            Thread.sleep(500);
        }
    }

    /** The AgreementFinished event, deposited by the lease-end task in some block after {@code from}. */
    private AgreementFinished finishedEvent(H256 from, long agreementId) throws Exception {
        long first = await(client.header(from)).orElseThrow().number() + 1;
        long best = await(client.bestHeader()).number();
        for (long n = first; n <= best; n++) {
            H256 hash = await(client.blockHash(n)).orElseThrow();
            List<EventRecord> events = await(client.events(hash));
            for (ResourceOrderEvent e : market.orderEvents(events)) {
                if (e instanceof AgreementFinished f && f.agreement() == agreementId) {
                    return f;
                }
            }
        }
        throw new AssertionError("no AgreementFinished for agreement " + agreementId + " in blocks " + first + ".."
                + best);
    }

    /** Waits until the node's pool holds {@code n} transactions. */
    private void awaitPooled(int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (await(client.call("author_pendingExtrinsics")).size() < n) {
            assertTrue(System.nanoTime() < deadline, "the pool never held " + n + " transaction(s)");
            Thread.sleep(20);
        }
    }

    private ResourceStatus status(long resourceId) throws Exception {
        return await(market.resource(resourceId)).orElseThrow().status();
    }

    private Map<AccountId, AccountInfo> balances(List<AccountId> accounts) throws Exception {
        Map<AccountId, AccountInfo> out = new java.util.HashMap<>();
        for (AccountId a : accounts) {
            out.put(a, await(client.account(a)));
        }
        return out;
    }

    private static BigInteger total(Map<AccountId, AccountInfo> balances, AccountId who) {
        return balances.get(who).total();
    }

    private BigInteger issuance() throws Exception {
        return Codecs.U128.decodeAll(await(client.storage(BalancesStorage.TOTAL_ISSUANCE.key())).orElseThrow());
    }

    /**
     * dev.json of the chain-runtime bundle the node runs, with a 20 s hour, 1 s slots and 1 s blocks; orders wait
     * 60 s, the first heartbeat is due within 5 + 10 s of the start, the next ones within 10 s of each other.
     */
    static Path writeChainSpec(Path home) throws IOException {
        return ChainSpecs.shortHours(home, "Hamster Market IT", HOUR_MS, TOLERANCE_MS, GRACE_MS);
    }

    private static Ed25519.KeyPair pair(String uri) {
        try {
            return KeyDerivation.pair(uri);
        } catch (HamsterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return ChainClient.await(f);
    }

    private static <E, T extends E> T only(List<E> events, Class<T> type) {
        List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, matching.size(), type.getSimpleName() + " among " + events);
        return matching.get(0);
    }

    private static <T> List<Long> ids(List<T> list, Function<T, Long> id) {
        return list.stream().map(id).toList();
    }

    private static Bytes utf8(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
