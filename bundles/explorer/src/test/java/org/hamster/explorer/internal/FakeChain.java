package org.hamster.explorer.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.EventRecords;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.client.AccountInfo;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientException;
import org.hamster.chain.client.ChainProperties;
import org.hamster.chain.client.RuntimeLayout;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.ErrorCode;
import org.hamster.common.Hex;
import org.hamster.pallet.system.SystemStorage;
import org.hamster.pallet.timestamp.TimestampStorage;

/**
 * A chain client over blocks kept in memory, answering only what the explorer asks; {@link #failWith} makes every
 * request fail. Blocks are added with {@link #block}.
 */
final class FakeChain {
    private final List<H256> hashes = new ArrayList<>();
    private final Map<H256, Header> headers = new HashMap<>();
    private final Map<H256, List<byte[]>> bodies = new HashMap<>();
    private final Map<H256, Map<String, byte[]>> storage = new HashMap<>();
    private final Map<AccountId, AccountInfo> accounts = new HashMap<>();
    private ChainClientException failure;
    boolean connected = true;
    /** How often state_getMetadata was asked. */
    int metadataFetches;

    /** Appends a block with these extrinsics and events, made at {@code timeMs}. */
    FakeChain block(long timeMs, List<byte[]> extrinsics, List<EventRecord> events) {
        H256 parent = hashes.isEmpty() ? H256.ZERO : hashes.get(hashes.size() - 1);
        Header header = new Header(parent, hashes.size(), H256.of(MetadataDecoderTest.filled(32, 1)),
                H256.of(MetadataDecoderTest.filled(32, 2)), List.of());
        H256 hash = header.hash();
        hashes.add(hash);
        headers.put(hash, header);
        bodies.put(hash, extrinsics);
        Map<String, byte[]> values = new HashMap<>();
        values.put(key(TimestampStorage.NOW.key()), new ScaleWriter().u64(timeMs).toByteArray());
        values.put(key(SystemStorage.EVENTS.key()), EventRecords.encode(events));
        storage.put(hash, values);
        return this;
    }

    FakeChain account(AccountId id, AccountInfo info) {
        accounts.put(id, info);
        return this;
    }

    H256 hash(int number) {
        return hashes.get(number);
    }

    void failWith(ChainClientException e) {
        failure = e;
    }

    static EventRecord event(int extrinsic, PalletEvent event) {
        ScaleWriter w = new ScaleWriter();
        event.encodeFields(w);
        return new EventRecord(extrinsic < 0 ? EventRecord.Phase.FINALIZATION : EventRecord.Phase.APPLY_EXTRINSIC,
                extrinsic, RuntimeLayout.dev().index(event.pallet()), event.eventIndex(), w.toByteArray(), List.of());
    }

    ChainClient client() {
        return (ChainClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ChainClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isConnected" -> connected;
                    case "endpoint" -> URI.create("ws://127.0.0.1:9944");
                    case "layout" -> RuntimeLayout.dev();
                    case "toString" -> "FakeChain";
                    default -> answer(method.getName(), args);
                });
    }

    private CompletableFuture<Object> answer(String method, Object[] args) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        Object result = switch (method) {
            case "call" -> switch ((String) args[0]) {
                case "system_chain" -> new TextNode("Hamster Dev");
                case "state_getRuntimeVersion" -> JsonNodeFactory.instance.objectNode().put("specVersion", 7);
                case "state_getMetadata" -> {
                    metadataFetches++;
                    yield new TextNode(Hex.encode(DevMetadata.BYTES));
                }
                default -> throw new UnsupportedOperationException((String) args[0]);
            };
            case "genesisHash" -> hashes.get(0);
            case "bestHeader" -> headers.get(hashes.get(hashes.size() - 1));
            case "runtimeVersion" -> new RuntimeVersion("hamster", "hamster-node", 1, 7, 1, List.of(), 1, 1);
            case "systemProperties" -> new ChainProperties(42, 12, "HAM", Map.of());
            case "blockHash" -> {
                long n = (Long) args[0];
                yield n < hashes.size() ? Optional.of(hashes.get((int) n)) : Optional.empty();
            }
            case "header" -> Optional.ofNullable(headers.get((H256) args[0]));
            case "blockBody" -> Optional.ofNullable(bodies.get((H256) args[0]));
            case "queryStorage" -> queryStorage(args);
            case "account" -> accounts.getOrDefault((AccountId) args[0], AccountInfo.EMPTY);
            default -> throw new UnsupportedOperationException(method);
        };
        return CompletableFuture.completedFuture(result);
    }

    @SuppressWarnings("unchecked")
    private List<Optional<byte[]>> queryStorage(Object[] args) {
        Map<String, byte[]> values = storage.get((H256) args[1]);
        if (values == null) {
            throw new IllegalStateException("a read at an unknown block");
        }
        return ((List<byte[]>) args[0]).stream().map(k -> Optional.ofNullable(values.get(key(k)))).toList();
    }

    private static String key(byte[] key) {
        return Arrays.toString(key);
    }

    static AccountInfo balances(long free, long reserved, long frozen) {
        return new AccountInfo(3, 0, 1, 0, BigInteger.valueOf(free), BigInteger.valueOf(reserved),
                BigInteger.valueOf(frozen), BigInteger.ZERO);
    }

    static ChainClientException unavailable() {
        return new ChainClientException(ErrorCode.UNAVAILABLE, "connection refused");
    }

    static ChainClientException rpcError() {
        return new ChainClientException(ErrorCode.RPC, "Internal error");
    }
}
