package org.hamster.chain.client;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.spi.StorageMap;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.common.ErrorCode;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ResourceOrderStorage.AccountIndex;

/**
 * The market pallets (Provider, ResourceOrder, Gateway) over a {@link ChainClient}: their storage read into the
 * pallets' own records, their calls encoded ({@link #calls()}) and their events decoded. A list query reads one
 * block, the best one when it starts, so its result is a consistent snapshot: it pages the keys with
 * state_getKeysPaged and fetches the values with state_queryStorageAt. Futures fail as the client's do; a stored
 * value that does not decode is a {@link ChainClientException} with {@link ErrorCode#DECODE} naming the item.
 */
public final class Market {
    /** Substrate's largest page of state_getKeysPaged. */
    static final int KEYS_PER_PAGE = 1000;
    static final int VALUES_PER_QUERY = 200;
    private static final Codec<List<Long>> IDS = Codecs.vec(Codecs.U64);
    private final ChainClient client;

    public Market(ChainClient client) {
        this.client = client;
    }

    /** Call encoders over the client's pallet indices. */
    public MarketCalls calls() {
        return new MarketCalls(client.layout().calls());
    }

    /** Provider.Resources of one id. */
    public CompletableFuture<Optional<Resource>> resource(long id) {
        return value("Provider.Resources", ProviderStorage.RESOURCES.key(id), Resource.CODEC, null);
    }

    /** Every listed resource, in id order. */
    public CompletableFuture<List<Resource>> resources() {
        return atBest(at -> keys(ProviderStorage.RESOURCES.prefix(), at)
                .thenCompose(keys -> values("Provider.Resources", keys, Resource.CODEC, at)))
                .thenApply(list -> sorted(list, Resource::id));
    }

    /** The resources {@code owner} lists, in registration order (Provider.ProviderResources). */
    public CompletableFuture<List<Resource>> resourcesOf(AccountId owner) {
        return atBest(at -> value("Provider.ProviderResources", ProviderStorage.PROVIDER_RESOURCES.key(owner), IDS,
                at).thenCompose(ids -> values("Provider.Resources", ids.orElse(List.of()).stream()
                        .map(ProviderStorage.RESOURCES::key).toList(), Resource.CODEC, at)));
    }

    /** The provider's track record ({@link ProviderStatistics#EMPTY} if it has none). */
    public CompletableFuture<ProviderStatistics> providerStats(AccountId provider) {
        return value("Provider.ProviderStats", ProviderStorage.PROVIDER_STATS.key(provider),
                ProviderStatistics.CODEC, null).thenApply(s -> s.orElse(ProviderStatistics.EMPTY));
    }

    /** ResourceOrder.Orders of one id (closed orders stay until purged after historyRetention). */
    public CompletableFuture<Optional<Order>> order(long id) {
        return value("ResourceOrder.Orders", ResourceOrderStorage.ORDERS.key(id), Order.CODEC, null);
    }

    /** The orders {@code tenant} placed (until purged), in id order. */
    public CompletableFuture<List<Order>> ordersOf(AccountId tenant) {
        return indexed(ResourceOrderStorage.TENANT_ORDERS, tenant, "ResourceOrder.Orders",
                ResourceOrderStorage.ORDERS, Order.CODEC).thenApply(list -> sorted(list, Order::id));
    }

    /** The orders placed for resources of {@code provider} (until purged), in id order. */
    public CompletableFuture<List<Order>> ordersOfProvider(AccountId provider) {
        return indexed(ResourceOrderStorage.PROVIDER_ORDERS, provider, "ResourceOrder.Orders",
                ResourceOrderStorage.ORDERS, Order.CODEC).thenApply(list -> sorted(list, Order::id));
    }

    /** ResourceOrder.Agreements of one id. */
    public CompletableFuture<Optional<RentalAgreement>> agreement(long id) {
        return value("ResourceOrder.Agreements", ResourceOrderStorage.AGREEMENTS.key(id), RentalAgreement.CODEC,
                null);
    }

    /** The rental agreements of {@code tenant} (until purged), in id order. */
    public CompletableFuture<List<RentalAgreement>> agreementsOf(AccountId tenant) {
        return indexed(ResourceOrderStorage.TENANT_AGREEMENTS, tenant, "ResourceOrder.Agreements",
                ResourceOrderStorage.AGREEMENTS, RentalAgreement.CODEC)
                .thenApply(list -> sorted(list, RentalAgreement::id));
    }

    /** The rental agreements {@code provider} serves (until purged), in id order. */
    public CompletableFuture<List<RentalAgreement>> agreementsOfProvider(AccountId provider) {
        return indexed(ResourceOrderStorage.PROVIDER_AGREEMENTS, provider, "ResourceOrder.Agreements",
                ResourceOrderStorage.AGREEMENTS, RentalAgreement.CODEC)
                .thenApply(list -> sorted(list, RentalAgreement::id));
    }

    /** The provider's pledge ({@link PledgeInfo#EMPTY} if none). */
    public CompletableFuture<PledgeInfo> pledge(AccountId provider) {
        return value("ResourceOrder.Pledges", ResourceOrderStorage.PLEDGES.key(provider), PledgeInfo.CODEC, null)
                .thenApply(p -> p.orElse(PledgeInfo.EMPTY));
    }

    /** The refunds {@code who} can claim (zero if none). */
    public CompletableFuture<BigInteger> refund(AccountId who) {
        return value("ResourceOrder.Refunds", ResourceOrderStorage.REFUNDS.key(who), Codecs.U128, null)
                .thenApply(r -> r.orElse(BigInteger.ZERO));
    }

    /** Gateway.Gateways of one peer id (base58btc text, as it ends the gateway's multiaddr). */
    public CompletableFuture<Optional<GatewayInfo>> gateway(String peerId) {
        return value("Gateway.Gateways", GatewayStorage.GATEWAYS.key(peerId), GatewayInfo.CODEC, null);
    }

    /** Every registered gateway, in storage-key order. */
    public CompletableFuture<List<GatewayInfo>> gateways() {
        return atBest(at -> keys(GatewayStorage.GATEWAYS.prefix(), at)
                .thenCompose(keys -> values("Gateway.Gateways", keys, GatewayInfo.CODEC, at)));
    }

    /** The registered gateways' multiaddrs, sorted: the libp2p bootstrap list (one storage read). */
    public CompletableFuture<List<String>> bootstrapList() {
        return client.storage(GatewayStorage.BOOTSTRAP_LIST.key()).thenApply(v -> decode("Gateway.BootstrapList",
                raw -> GatewayStorage.bootstrapList(raw), v.orElse(null)));
    }

    /** The Provider events among {@code events} (e.g. {@link TxInBlock#events()}), decoded, in order. */
    public List<ProviderEvent> providerEvents(List<EventRecord> events) {
        return decodeEvents(events, ProviderStorage.PALLET, ProviderEvent::decode);
    }

    /** The ResourceOrder events among {@code events}, decoded, in order. */
    public List<ResourceOrderEvent> orderEvents(List<EventRecord> events) {
        return decodeEvents(events, ResourceOrderStorage.PALLET, ResourceOrderEvent::decode);
    }

    private <E> List<E> decodeEvents(List<EventRecord> events, String pallet,
            BiFunction<Integer, ScaleReader, E> decoder) {
        int index = client.layout().index(pallet);
        List<E> out = new ArrayList<>();
        for (EventRecord e : events) {
            if (e.palletIndex() == index) {
                ScaleReader r = new ScaleReader(e.fields());
                out.add(decoder.apply(e.eventIndex(), r));
                r.expectEnd();
            }
        }
        return out;
    }

    /** The entries of an account index map ({@code account ++ id -> ()}) resolved to the values they name. */
    private <T> CompletableFuture<List<T>> indexed(StorageMap<AccountIndex, byte[]> index, AccountId account,
            String what, StorageMap<Long, T> values, Codec<T> codec) {
        return atBest(at -> keys(ResourceOrderStorage.prefixOf(index, account), at).thenCompose(keys -> values(what,
                keys.stream().map(k -> values.key(index.keyOf(k).id())).toList(), codec, at)));
    }

    /** Storage-key order is hash order: callers get id order (ids are u64, compared unsigned). */
    private static <T> List<T> sorted(List<T> list, ToLongFunction<T> id) {
        List<T> out = new ArrayList<>(list);
        out.sort((a, b) -> Long.compareUnsigned(id.applyAsLong(a), id.applyAsLong(b)));
        return out;
    }

    private <T> CompletableFuture<T> atBest(Function<H256, CompletableFuture<T>> read) {
        return client.bestHeader().thenApply(Header::hash).thenCompose(read);
    }

    private <T> CompletableFuture<Optional<T>> value(String what, byte[] key, Codec<T> codec, H256 at) {
        return client.storage(key, at).thenApply(v -> v.map(raw -> decode(what, codec::decodeAll, raw)));
    }

    /** The values of {@code keys} at block {@code at}, in key order; keys without a value are left out. */
    private <T> CompletableFuture<List<T>> values(String what, List<byte[]> keys, Codec<T> codec, H256 at) {
        List<CompletableFuture<List<Optional<byte[]>>>> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += VALUES_PER_QUERY) {
            parts.add(client.queryStorage(keys.subList(i, Math.min(keys.size(), i + VALUES_PER_QUERY)), at));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<T> out = new ArrayList<>(keys.size());
            for (CompletableFuture<List<Optional<byte[]>>> part : parts) {
                part.join().forEach(v -> v.ifPresent(raw -> out.add(decode(what, codec::decodeAll, raw))));
            }
            return out;
        });
    }

    /** Every key under {@code prefix} at block {@code at}, following the pages. */
    private CompletableFuture<List<byte[]>> keys(byte[] prefix, H256 at) {
        return keysAfter(prefix, null, at, new ArrayList<>());
    }

    private CompletableFuture<List<byte[]>> keysAfter(byte[] prefix, byte[] start, H256 at, List<byte[]> acc) {
        return client.storageKeysPaged(prefix, KEYS_PER_PAGE, start, at).thenCompose(page -> {
            acc.addAll(page);
            return page.size() < KEYS_PER_PAGE ? CompletableFuture.completedFuture(acc)
                    : keysAfter(prefix, page.get(page.size() - 1), at, acc);
        });
    }

    private static <T> T decode(String what, Function<byte[], T> decoder, byte[] raw) {
        try {
            return decoder.apply(raw);
        } catch (ScaleException | IllegalArgumentException e) {
            throw new CompletionException(new ChainClientException(ErrorCode.DECODE,
                    what + " does not decode: " + e.getMessage(), e));
        }
    }
}
