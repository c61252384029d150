package org.hamster.chain.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.EventRecords;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.common.ErrorCode;
import org.hamster.crypto.DevAccounts;
import org.hamster.chain.client.testnode.FakeNode;
import org.hamster.pallet.gateway.GatewayEvent;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.gateway.RemovalReason;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ResourceOrderStorage.AccountIndex;
import org.hamster.pallet.system.DispatchInfo;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.system.SystemStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Market queries against a test node's storage, and market events as a block carries them. */
class MarketTest {
    private static final String PEER = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";
    private static final Bytes SSH = utf8("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBL9Y64pXdwsxJuEnwAb+5++Unni2eoxN/+Nsn6"
            + "087/8 charlie@hamster-itest");
    private static final BigInteger PRICE = BigInteger.valueOf(5_000_000_000_000L);
    private final AccountId alice = AccountId.of(DevAccounts.publicKey("Alice"));
    private final AccountId bob = AccountId.of(DevAccounts.publicKey("Bob"));
    private final AccountId charlie = AccountId.of(DevAccounts.publicKey("Charlie"));
    private FakeNode node;
    private ChainClient client;
    private Market market;

    @BeforeEach
    void start() throws Exception {
        node = new FakeNode();
        client = ChainClient.connect(node.uri(), ChainClientTest.FAST);
        market = client.market();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        node.close();
    }

    private static Bytes utf8(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Resource resource(long id, AccountId owner, ResourceStatus status) {
        return new Resource(id, owner, utf8(PEER), new ResourceConfig(2, 4, 50, utf8("Debian 12"), utf8("Xeon"),
                null, null), PRICE, 10, 1_000, 36_001_000, status);
    }

    private static Order order(long id, AccountId tenant, AccountId provider) {
        return new Order(id, tenant, provider, 0, 1, PRICE, PRICE, SSH, 2_000, OrderStatus.PENDING, false, null);
    }

    private static RentalAgreement agreement(long id, AccountId provider, AccountId tenant) {
        return new RentalAgreement(id, id + 100, provider, tenant, 0, PRICE, 3_000, 3_603_000, 3_000, 3_000, PRICE,
                BigInteger.ZERO, BigInteger.ZERO, PRICE, AgreementStatus.USING, SSH, 0);
    }

    private void putResource(Resource r) {
        node.putStorage(ProviderStorage.RESOURCES.key(r.id()), Resource.CODEC.encode(r));
    }

    private void putOrder(Order o) {
        node.putStorage(ResourceOrderStorage.ORDERS.key(o.id()), Order.CODEC.encode(o));
        index(ResourceOrderStorage.TENANT_ORDERS, o.tenant(), o.id());
        index(ResourceOrderStorage.PROVIDER_ORDERS, o.provider(), o.id());
    }

    private void putAgreement(RentalAgreement a) {
        node.putStorage(ResourceOrderStorage.AGREEMENTS.key(a.id()), RentalAgreement.CODEC.encode(a));
        index(ResourceOrderStorage.TENANT_AGREEMENTS, a.tenant(), a.id());
        index(ResourceOrderStorage.PROVIDER_AGREEMENTS, a.provider(), a.id());
    }

    private void index(org.hamster.chain.spi.StorageMap<AccountIndex, byte[]> map, AccountId who, long id) {
        node.putStorage(map.key(new AccountIndex(who, id)), new byte[0]);
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return ChainClientTest.await(f);
    }

    @Test
    void resourcesByIdOwnerAndAll() throws Exception {
        Resource r0 = resource(0, bob, ResourceStatus.UNUSED);
        Resource r1 = resource(1, charlie, ResourceStatus.LOCKED);
        Resource r2 = resource(2, bob, ResourceStatus.INUSE);
        List.of(r0, r1, r2).forEach(this::putResource);
        node.putStorage(ProviderStorage.PROVIDER_RESOURCES.key(bob), Codecs.vec(Codecs.U64).encode(List.of(2L, 0L)));
        ProviderStatistics stats = new ProviderStatistics(3, 7, 1, 99_000);
        node.putStorage(ProviderStorage.PROVIDER_STATS.key(bob), ProviderStatistics.CODEC.encode(stats));

        assertEquals(r1, await(market.resource(1)).orElseThrow());
        assertTrue(await(market.resource(9)).isEmpty());
        assertEquals(List.of(r0, r1, r2), await(market.resources()));
        assertEquals(List.of(r2, r0), await(market.resourcesOf(bob)), "registration order");
        assertEquals(List.of(), await(market.resourcesOf(alice)));
        assertEquals(stats, await(market.providerStats(bob)));
        assertEquals(ProviderStatistics.EMPTY, await(market.providerStats(alice)));
    }

    @Test
    void ordersAndAgreementsThroughTheAccountIndexes() throws Exception {
        // ids above 255: the index keys hold them little-endian, so key order is not id order
        Order o0 = order(0, charlie, bob);
        Order o1 = order(1, alice, bob);
        Order o300 = order(300, charlie, bob);
        List.of(o300, o1, o0).forEach(this::putOrder);
        index(ResourceOrderStorage.TENANT_ORDERS, charlie, 999); // an entry whose order is gone: skipped
        RentalAgreement a5 = agreement(5, bob, charlie);
        RentalAgreement a6 = agreement(6, alice, charlie);
        putAgreement(a5);
        putAgreement(a6);

        assertEquals(o300, await(market.order(300)).orElseThrow());
        assertTrue(await(market.order(2)).isEmpty());
        assertEquals(List.of(o0, o300), await(market.ordersOf(charlie)));
        assertEquals(List.of(o1), await(market.ordersOf(alice)));
        assertEquals(List.of(o0, o1, o300), await(market.ordersOfProvider(bob)));
        assertEquals(List.of(), await(market.ordersOfProvider(charlie)));
        assertEquals(a5, await(market.agreement(5)).orElseThrow());
        assertEquals(List.of(a5, a6), await(market.agreementsOf(charlie)));
        assertEquals(List.of(a5), await(market.agreementsOfProvider(bob)));
        assertEquals(List.of(a6), await(market.agreementsOfProvider(alice)));
    }

    @Test
    void pledgesRefundsGatewaysAndBootstrapList() throws Exception {
        PledgeInfo pledge = new PledgeInfo(PRICE.multiply(BigInteger.TWO), PRICE);
        node.putStorage(ResourceOrderStorage.PLEDGES.key(bob), PledgeInfo.CODEC.encode(pledge));
        node.putStorage(ResourceOrderStorage.REFUNDS.key(charlie), Codecs.U128.encode(BigInteger.valueOf(77)));
        String addr = "/ip4/1.2.3.4/tcp/4001/p2p/" + PEER;
        GatewayInfo gw = new GatewayInfo(alice, addr, BigInteger.TEN, 1_000, 2_000, 3);
        node.putStorage(GatewayStorage.GATEWAYS.key(PEER), GatewayInfo.CODEC.encode(gw));
        node.putStorage(GatewayStorage.BOOTSTRAP_LIST.key(), Codecs.vec(Codecs.STRING).encode(List.of(addr)));

        assertEquals(pledge, await(market.pledge(bob)));
        assertEquals(PledgeInfo.EMPTY, await(market.pledge(charlie)));
        assertEquals(BigInteger.valueOf(77), await(market.refund(charlie)));
        assertEquals(BigInteger.ZERO, await(market.refund(bob)));
        assertEquals(List.of(gw), await(market.gateways()));
        assertEquals(List.of(addr), await(market.bootstrapList()));
    }

    @Test
    void emptyChainReadsAsEmpty() throws Exception {
        assertEquals(List.of(), await(market.resources()));
        assertEquals(List.of(), await(market.gateways()));
        assertEquals(List.of(), await(market.bootstrapList()));
        assertEquals(List.of(), await(market.agreementsOf(charlie)));
    }

    @Test
    void listsFollowKeyPagesAndReadOneBlock() throws Exception {
        int n = 2 * Market.KEYS_PER_PAGE + 345;
        LongStream.range(0, n).forEach(id -> putResource(resource(id, bob, ResourceStatus.UNUSED)));
        List<Resource> all = await(market.resources());
        assertEquals(n, all.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, all.get(i).id());
        }
        assertEquals(3, node.calls.stream().filter("state_getKeysPaged"::equals).count());
        assertEquals((n + Market.VALUES_PER_QUERY - 1) / Market.VALUES_PER_QUERY,
                node.calls.stream().filter("state_queryStorageAt"::equals).count());
    }

    @Test
    void undecodableValuesAreDecodeErrorsNamingTheItem() {
        node.putStorage(ProviderStorage.RESOURCES.key(4L), new byte[] {1, 2, 3});
        ChainClientException e = ChainClientTest.failure(market.resource(4));
        assertEquals(ErrorCode.DECODE, e.code());
        assertTrue(e.getMessage().contains("Provider.Resources"), e.getMessage());
        assertEquals(ErrorCode.DECODE, ChainClientTest.failure(market.resources()).code());
        node.putStorage(GatewayStorage.BOOTSTRAP_LIST.key(), Codecs.vec(Codecs.STRING).encode(List.of("b", "a")));
        assertTrue(ChainClientTest.failure(market.bootstrapList()).getMessage().contains("Gateway.BootstrapList"));
    }

    private static EventRecord record(int pallet, PalletEvent e) {
        ScaleWriter w = new ScaleWriter();
        e.encodeFields(w);
        return new EventRecord(EventRecord.Phase.APPLY_EXTRINSIC, 0, pallet, e.eventIndex(), w.toByteArray(),
                List.of());
    }

    @Test
    void marketEventsOfABlockDecodeWithThePalletsOwnDecoders() throws Exception {
        List<ProviderEvent> provider = List.of(
                new ProviderEvent.ResourceRegistered(0, bob, utf8(PEER), PRICE, 36_001_000),
                new ProviderEvent.ResourcePriceChanged(0, bob, BigInteger.TEN),
                new ProviderEvent.ResourceDurationAdded(0, bob, 5, 99_000_000),
                new ProviderEvent.ResourceRemoved(1, bob),
                new ProviderEvent.ResourceRelisted(2, bob),
                new ProviderEvent.ResourceStatusChanged(0, ResourceStatus.LOCKED),
                new ProviderEvent.ResourceExpired(3, bob),
                new ProviderEvent.ResourceOffline(4, bob));
        List<ResourceOrderEvent> orders = List.of(
                new ResourceOrderEvent.Pledged(bob, PRICE),
                new ResourceOrderEvent.PledgeWithdrawn(bob, PRICE),
                new ResourceOrderEvent.OrderCreated(1, charlie, bob, 0, 1, PRICE, SSH),
                new ResourceOrderEvent.RenewalOrdered(2, charlie, bob, 0, 3, PRICE),
                new ResourceOrderEvent.OrderCanceled(1, charlie, PRICE),
                new ResourceOrderEvent.OrderTimedOut(1, charlie, PRICE),
                new ResourceOrderEvent.AgreementStarted(0, 1, bob, charlie, 0, 1_000, 3_601_000, PRICE),
                new ResourceOrderEvent.AgreementRenewed(0, 2, 7_201_000, PRICE),
                new ResourceOrderEvent.HeartbeatReceived(0, bob, BigInteger.valueOf(123), 2_000),
                new ResourceOrderEvent.RentWithdrawn(0, bob, BigInteger.valueOf(123)),
                new ResourceOrderEvent.AgreementFinished(0, 0, bob, PRICE),
                new ResourceOrderEvent.AgreementPunished(0, 0, bob, charlie, PRICE, PRICE),
                new ResourceOrderEvent.RefundCredited(charlie, PRICE),
                new ResourceOrderEvent.RefundClaimed(charlie, PRICE),
                new ResourceOrderEvent.OrderRemoved(1),
                new ResourceOrderEvent.AgreementRemoved(0));
        List<GatewayEvent> gateway = List.of(
                new GatewayEvent.GatewayRegistered(alice, PEER, "/ip4/1.2.3.4/tcp/4001/p2p/" + PEER),
                new GatewayEvent.Heartbeat(alice, PEER),
                new GatewayEvent.GatewayDeregistered(alice, PEER),
                new GatewayEvent.GatewayRemoved(alice, PEER, RemovalReason.values()[0], BigInteger.ONE));
        List<EventRecord> block = new ArrayList<>();
        provider.forEach(e -> block.add(record(5, e)));
        orders.forEach(e -> block.add(record(6, e)));
        gateway.forEach(e -> block.add(record(7, e)));
        block.add(record(0, new SystemEvent.ExtrinsicSuccess(new DispatchInfo(1, 0, DispatchInfo.NORMAL, true))));
        node.putStorage(SystemStorage.EVENTS.key(), EventRecords.encode(block));

        List<EventRecord> read = await(client.events(null));
        assertEquals(block.size(), read.size());
        for (int i = 0; i < block.size(); i++) {
            assertEquals(block.get(i).palletIndex(), read.get(i).palletIndex());
            assertEquals(block.get(i).eventIndex(), read.get(i).eventIndex());
            assertArrayEquals(block.get(i).fields(), read.get(i).fields());
        }
        assertEquals(provider, market.providerEvents(read));
        assertEquals(orders, market.orderEvents(read));
        assertEquals(List.of(), market.orderEvents(read.subList(0, provider.size())));
    }

    @Test
    void marketModuleErrorsAreNamedByThePalletsEnums() {
        RuntimeLayout dev = client.layout();
        assertEquals("ResourceOrder.NotResourceOwner",
                dev.moduleErrorName(6, ResourceOrderError.NotResourceOwner.index()));
        assertEquals("ResourceOrder.NoRefund", dev.moduleErrorName(6, 17));
        assertEquals("Provider.ResourceNotUnused", dev.moduleErrorName(5, 13));
        assertEquals("Gateway.InvalidPenalty", dev.moduleErrorName(7, 13));
        assertEquals("Gateway.Error#14", dev.moduleErrorName(7, 14));
    }
}
