package org.hamster.chain.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.FeeInfo;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.StorageChange;
import org.hamster.chain.Subscription;
import org.hamster.chain.TxStatus;
import org.hamster.chain.client.internal.WsChainClient;
import org.hamster.common.ErrorCode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A node's JSON-RPC over one WebSocket that reconnects by itself. Every operation is asynchronous and its future
 * fails with a {@link ChainClientException}: {@link RpcException} (the node refused), {@link
 * ConnectionLostException} (the link dropped while the request was out), {@link RequestTimeoutException}.
 * Requests made while disconnected wait for the reconnection, within the request timeout. Subscriptions are
 * renewed after a reconnection: the node then reports its current head or storage values again, but blocks that
 * came and went while disconnected are not replayed (catch up with {@link #blockHash} if every block matters).
 * Callbacks run on the client's threads, in order per subscription, and may call the client (also blocking on
 * it).
 * Use {@link #await} to wait for a future in blocking code.
 */
@ProviderType
public interface ChainClient extends AutoCloseable {
    /** Start of the reason of the DROPPED status a watch reports when the connection to the node drops. */
    String WATCH_LOST = "connection lost";

    /** Starts connecting in the background and returns at once; requests wait for the connection. */
    static ChainClient open(URI endpoint, ChainClientOptions options) {
        return WsChainClient.open(endpoint, options);
    }

    /** Connects with default options, waiting for the first connection. */
    static ChainClient connect(URI endpoint) throws ChainClientException {
        return connect(endpoint, ChainClientOptions.defaults());
    }

    /** Connects, waiting up to the connect timeout for the first connection; closes and throws otherwise. */
    static ChainClient connect(URI endpoint, ChainClientOptions options) throws ChainClientException {
        ChainClient client = open(endpoint, options);
        try {
            client.whenConnected().get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return client;
        } catch (TimeoutException | ExecutionException e) {
            client.close();
            throw new ConnectionLostException("cannot connect to " + endpoint + " within "
                    + options.connectTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new ConnectionLostException("interrupted while connecting to " + endpoint, e);
        }
    }

    /** Waits for a future of this API, unwrapping its failure into the ChainClientException it carries. */
    static <T> T await(CompletableFuture<T> future) throws ChainClientException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainClientException(ErrorCode.UNAVAILABLE, "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ChainClientException c) {
                throw c;
            }
            throw new ChainClientException(ErrorCode.RPC, String.valueOf(cause), cause);
        }
    }

    URI endpoint();

    RuntimeLayout layout();

    boolean isConnected();

    /** Completes (with this client) when connected: at once if connected now, else at the next connection. */
    CompletableFuture<ChainClient> whenConnected();

    /** Adds a listener of connection changes; closing the returned handle removes it. */
    Subscription addConnectionListener(ConnectionListener listener);

    /** The client's shared signer (one nonce tracker per client); closed with the client. */
    Signer signer();

    /**
     * Any method. Parameters become JSON: byte[] as 0x-hex, H256 as hex, AccountId as SS58, JsonNode as is,
     * anything else through Jackson; trailing nulls are dropped. The result is JSON null for "none".
     */
    CompletableFuture<JsonNode> call(String method, Object... params);

    /**
     * Any subscription: {@code method} returns an id, notifications carry {@code params.result}; renewed after a
     * reconnection; closing the handle sends {@code unsubscribeMethod}.
     */
    CompletableFuture<Subscription> subscribe(String method, String unsubscribeMethod, List<?> params,
            Consumer<JsonNode> listener);

    /** state_getRuntimeVersion at the best block. */
    CompletableFuture<RuntimeVersion> runtimeVersion();

    /** Hash of block 0. */
    CompletableFuture<H256> genesisHash();

    CompletableFuture<ChainProperties> systemProperties();

    CompletableFuture<Header> bestHeader();

    /** The header of a block, empty if the node does not know it. */
    CompletableFuture<Optional<Header>> header(H256 hash);

    /** The hash of canonical block {@code number}, empty beyond the best block. */
    CompletableFuture<Optional<H256>> blockHash(long number);

    CompletableFuture<H256> finalizedHead();

    /** The opaque extrinsics of a block, empty if the node does not know it. */
    CompletableFuture<Optional<List<byte[]>>> blockBody(H256 hash);

    /** A storage value at the best block, empty if absent. */
    CompletableFuture<Optional<byte[]>> storage(byte[] key);

    /** A storage value at a block ({@code at} null = best), empty if absent. */
    CompletableFuture<Optional<byte[]>> storage(byte[] key, H256 at);

    /** Up to {@code count} keys under {@code prefix} strictly after {@code startKey} (nullable), in key order. */
    CompletableFuture<List<byte[]>> storageKeysPaged(byte[] prefix, int count, byte[] startKey, H256 at);

    /**
     * The values of several keys at one block ({@code at} null = best) with state_queryStorageAt: one element per
     * key, in the order of {@code keys}, empty where absent.
     */
    CompletableFuture<List<Optional<byte[]>>> queryStorage(List<byte[]> keys, H256 at);

    /** The account's next nonce as the node sees it, counting its pooled transactions. */
    CompletableFuture<Long> accountNextIndex(AccountId account);

    /** System.Account of an account at the best block ({@link AccountInfo#EMPTY} if it does not exist). */
    CompletableFuture<AccountInfo> account(AccountId account);

    /** The events of a block ({@code at} null = best), split with the client's {@link RuntimeLayout}. */
    CompletableFuture<List<EventRecord>> events(H256 at);

    CompletableFuture<Subscription> subscribeNewHeads(Consumer<Header> listener);

    CompletableFuture<Subscription> subscribeFinalizedHeads(Consumer<Header> listener);

    /** Reports the current values first, then after every block that changes one of the keys. */
    CompletableFuture<Subscription> subscribeStorage(List<byte[]> keys, Consumer<StorageChange> listener);

    /** Typed calls and queries of the market pallets (Provider, ResourceOrder, Gateway) over this client. */
    default Market market() {
        return new Market(this);
    }

    /** Submits an opaque signed extrinsic; completes with its hash once the pool accepted it. */
    CompletableFuture<H256> submit(byte[] extrinsic);

    /**
     * Submits and reports each status (ready, inBlock, finalized, ...) until a terminal one. If the connection
     * drops first, the listener gets a final DROPPED status whose reason says so: the transaction may still be
     * included, and its hash ({@code Extrinsic.decode(xt).hash()}) can be looked for in later blocks.
     */
    CompletableFuture<Subscription> submitAndWatch(byte[] extrinsic, Consumer<TxStatus> listener);

    /** payment_queryInfo: weight, class and the partial fee of an extrinsic. */
    CompletableFuture<FeeInfo> queryFee(byte[] extrinsic);

    /** Stops reconnecting, fails pending requests with ConnectionLostException and ends every subscription. */
    @Override
    void close();
}
