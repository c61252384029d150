package org.hamster.chain.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.FeeInfo;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.StorageChange;
import org.hamster.chain.Subscription;
import org.hamster.chain.TxStatus;
import org.hamster.chain.client.AccountInfo;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientException;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.chain.client.ChainProperties;
import org.hamster.chain.client.ConnectionListener;
import org.hamster.chain.client.RpcException;
import org.hamster.chain.client.RuntimeLayout;
import org.hamster.chain.client.Signer;
import org.hamster.codec.ScaleException;
import org.hamster.common.ErrorCode;
import org.hamster.pallet.system.SystemStorage;

/** {@link ChainClient} over {@link RpcConnection}: Substrate method names and result shapes. */
public final class WsChainClient implements ChainClient {
    private final RpcConnection rpc;
    private final ChainClientOptions options;
    private final Signer signer;

    private WsChainClient(URI endpoint, ChainClientOptions options) {
        this.rpc = new RpcConnection(endpoint, options);
        this.options = options;
        this.signer = new Signer(this);
    }

    /** Validates the endpoint (ws:// or wss:// with a host) and starts connecting. */
    public static ChainClient open(URI endpoint, ChainClientOptions options) {
        String scheme = endpoint.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("node endpoint must be a ws:// or wss:// URL, not " + endpoint);
        }
        WsChainClient c = new WsChainClient(endpoint, options);
        c.rpc.start();
        return c;
    }

    @Override
    public URI endpoint() {
        return rpc.endpoint();
    }

    @Override
    public RuntimeLayout layout() {
        return options.layout();
    }

    @Override
    public boolean isConnected() {
        return rpc.isConnected();
    }

    @Override
    public CompletableFuture<ChainClient> whenConnected() {
        return rpc.whenConnected().thenApply(v -> this);
    }

    @Override
    public Subscription addConnectionListener(ConnectionListener listener) {
        return rpc.addListener(listener);
    }

    @Override
    public Signer signer() {
        return signer;
    }

    @Override
    public CompletableFuture<JsonNode> call(String method, Object... params) {
        return rpc.request(method, Json.array(params), null);
    }

    @Override
    public CompletableFuture<Subscription> subscribe(String method, String unsubscribeMethod, List<?> params,
            Consumer<JsonNode> listener) {
        return rpc.subscribe(method, unsubscribeMethod, Json.array(params.toArray()), (s, n) -> listener.accept(n),
                true, null).thenApply(s -> s);
    }

    private <T> CompletableFuture<T> typed(String method, Function<JsonNode, T> map, Object... params) {
        return call(method, params).thenApply(r -> {
            try {
                return map.apply(r);
            } catch (RuntimeException e) {
                throw new CompletionException(new RpcException(method, -32603,
                        "cannot read the result " + Json.abbreviate(r.toString()), e.getMessage()));
            }
        });
    }

    private static <T> Function<JsonNode, Optional<T>> optional(Function<JsonNode, T> map) {
        return n -> n == null || n.isNull() ? Optional.empty() : Optional.of(map.apply(n));
    }

    @Override
    public CompletableFuture<RuntimeVersion> runtimeVersion() {
        return typed("state_getRuntimeVersion", Wire::runtimeVersion);
    }

    @Override
    public CompletableFuture<H256> genesisHash() {
        return typed("chain_getBlockHash", Json::hash, 0);
    }

    @Override
    public CompletableFuture<ChainProperties> systemProperties() {
        return typed("system_properties", Wire::properties);
    }

    @Override
    public CompletableFuture<Header> bestHeader() {
        return typed("chain_getHeader", Wire::header);
    }

    @Override
    public CompletableFuture<Optional<Header>> header(H256 hash) {
        return typed("chain_getHeader", optional(Wire::header), hash);
    }

    @Override
    public CompletableFuture<Optional<H256>> blockHash(long number) {
        return typed("chain_getBlockHash", optional(Json::hash), number);
    }

    @Override
    public CompletableFuture<H256> finalizedHead() {
        return typed("chain_getFinalizedHead", Json::hash);
    }

    @Override
    public CompletableFuture<Optional<List<byte[]>>> blockBody(H256 hash) {
        return typed("chain_getBlock", optional(n -> Json.byteList(n.path("block").path("extrinsics"))), hash);
    }

    @Override
    public CompletableFuture<Optional<byte[]>> storage(byte[] key) {
        return storage(key, null);
    }

    @Override
    public CompletableFuture<Optional<byte[]>> storage(byte[] key, H256 at) {
        return typed("state_getStorage", optional(Json::bytes), key, at);
    }

    @Override
    public CompletableFuture<List<byte[]>> storageKeysPaged(byte[] prefix, int count, byte[] startKey, H256 at) {
        return typed("state_getKeysPaged", Json::byteList, prefix, count, startKey, at);
    }

    @Override
    public CompletableFuture<List<Optional<byte[]>>> queryStorage(List<byte[]> keys, H256 at) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return typed("state_queryStorageAt", n -> Wire.values(n, keys), keys, at);
    }

    @Override
    public CompletableFuture<Long> accountNextIndex(AccountId account) {
        return typed("system_accountNextIndex", Json::asLong, account);
    }

    @Override
    public CompletableFuture<AccountInfo> account(AccountId account) {
        return storage(SystemStorage.ACCOUNT.key(account)).thenApply(v -> v.map(raw -> decode("System.Account of "
                + account, null, AccountInfo::decode, raw)).orElse(AccountInfo.EMPTY));
    }

    @Override
    public CompletableFuture<List<EventRecord>> events(H256 at) {
        return storage(SystemStorage.EVENTS.key(), at).thenApply(v -> v.map(raw -> decode("System.Events", at,
                options.layout()::decodeEvents, raw)).orElse(List.of()));
    }

    /** A storage value that does not decode is a ChainClientException naming what and where. */
    private static <T> T decode(String what, H256 at, Function<byte[], T> decoder, byte[] raw) {
        try {
            return decoder.apply(raw);
        } catch (ScaleException e) {
            throw new CompletionException(new ChainClientException(ErrorCode.DECODE,
                    what + " at " + (at == null ? "the best block" : at) + ": " + e.getMessage(), e));
        }
    }

    @Override
    public CompletableFuture<Subscription> subscribeNewHeads(Consumer<Header> listener) {
        return heads("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", listener);
    }

    @Override
    public CompletableFuture<Subscription> subscribeFinalizedHeads(Consumer<Header> listener) {
        return heads("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads", listener);
    }

    /** The node sends its current head first, also on each renewal: a head just delivered is not repeated. */
    private CompletableFuture<Subscription> heads(String method, String unsubscribe, Consumer<Header> listener) {
        AtomicReference<H256> last = new AtomicReference<>();
        return subscribe(method, unsubscribe, List.of(), n -> {
            Header h = Wire.header(n);
            if (!h.hash().equals(last.getAndSet(h.hash()))) {
                listener.accept(h);
            }
        });
    }

    @Override
    public CompletableFuture<Subscription> subscribeStorage(List<byte[]> keys, Consumer<StorageChange> listener) {
        return subscribe("state_subscribeStorage", "state_unsubscribeStorage", List.of(keys),
                n -> listener.accept(Wire.storageChange(n)));
    }

    @Override
    public CompletableFuture<H256> submit(byte[] extrinsic) {
        return typed("author_submitExtrinsic", Json::hash, extrinsic);
    }

    @Override
    public CompletableFuture<Subscription> submitAndWatch(byte[] extrinsic, Consumer<TxStatus> listener) {
        BiConsumer<ActiveSub, JsonNode> onStatus = (sub, n) -> {
            TxStatus s = Wire.txStatus(n);
            if (s != null) {
                if (s.terminal()) {
                    sub.forget();
                }
                listener.accept(s);
            }
        };
        Consumer<Throwable> onLost = e -> listener.accept(new TxStatus(TxStatus.Kind.DROPPED, null,
                WATCH_LOST + " (" + Json.describe(e) + "); the transaction may still be included"));
        return rpc.subscribe("author_submitAndWatchExtrinsic", "author_unwatchExtrinsic",
                Json.array(extrinsic), onStatus, false, onLost).thenApply(s -> s);
    }

    @Override
    public CompletableFuture<FeeInfo> queryFee(byte[] extrinsic) {
        return typed("payment_queryInfo", Wire::feeInfo, extrinsic);
    }

    @Override
    public void close() {
        signer.close();
        rpc.close();
    }
}
