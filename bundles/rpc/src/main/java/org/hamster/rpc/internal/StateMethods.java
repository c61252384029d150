package org.hamster.rpc.internal;

import static org.hamster.rpc.internal.JsonRpc.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.ChainService;
import org.hamster.chain.H256;
import org.hamster.chain.StorageChange;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.common.Hex;

/** state_* reads: storage, keys, runtime version, metadata and runtime calls. */
final class StateMethods {
    /** Substrate's STORAGE_KEYS_PAGED_MAX_COUNT. */
    static final int MAX_KEYS_PER_PAGE = 1000;
    /** Substrate's state error codes: 4000 + 2 for a bad count, + 3 for a client (block/runtime) error. */
    static final int INVALID_COUNT = 4002;
    static final int CLIENT_ERROR = 4003;
    private static final byte[] NO_INPUT = new byte[0];
    private final ChainService chain;

    StateMethods(ChainService chain) {
        this.chain = chain;
    }

    void register(MethodTable t) {
        t.add("state_getStorage", List.of("key", "hash"), (p, c) -> {
            byte[] key = p.hex(0);
            H256 at = knownBlock(p.optHash(1));
            return chain.storage(key, at).<JsonNode>map(ChainJson::hex).orElse(NODES.nullNode());
        });
        t.alias("state_getStorageAt", "state_getStorage");
        t.add("state_getKeysPaged", List.of("prefix", "count", "startKey", "hash"), (p, c) -> keysPaged(p));
        t.alias("state_getKeysPagedAt", "state_getKeysPaged");
        t.add("state_queryStorageAt", List.of("keys", "at"), (p, c) -> queryAt(p.hexList(0), p.optHash(1)));
        t.add("state_getRuntimeVersion", List.of("at"), (p, c) -> {
            knownBlock(p.optHash(0));
            return ChainJson.runtimeVersion(chain.runtimeVersion());
        });
        t.alias("chain_getRuntimeVersion", "state_getRuntimeVersion");
        // runtime calls run on the best state whatever the block: fine while the chain has one runtime (G6)
        t.add("state_call", List.of("name", "bytes", "hash"), (p, c) -> {
            String method = p.string(0);
            byte[] data = p.hex(1);
            return ChainJson.hex(call(method, data, knownBlock(p.optHash(2))));
        });
        t.alias("state_callAt", "state_call");
        t.add("state_getMetadata", List.of("hash"), (p, c) -> ChainJson.hex(metadata(knownBlock(p.optHash(0)))));
    }

    private JsonNode keysPaged(Params p) throws RpcException {
        byte[] prefix = p.optHex(0);
        long count = p.u32(1);
        if (count > MAX_KEYS_PER_PAGE) {
            throw new RpcException(INVALID_COUNT, "count exceeds maximum value. value: " + count + ", max: "
                    + MAX_KEYS_PER_PAGE);
        }
        byte[] start = p.optHex(2);
        H256 at = knownBlock(p.optHash(3));
        List<byte[]> keys = chain.storageKeys(prefix == null ? NO_INPUT : prefix, start, (int) count, at);
        return ChainJson.hexArray(keys);
    }

    private JsonNode queryAt(List<byte[]> keys, H256 hash) throws RpcException {
        H256 at = knownBlock(hash);
        H256 block = at != null ? at : chain.bestHeader().hash();
        List<StorageChange.Entry> entries = new ArrayList<>(keys.size());
        for (byte[] k : keys) {
            entries.add(new StorageChange.Entry(k, chain.storage(k, block).orElse(null)));
        }
        ArrayNode out = NODES.arrayNode(1);
        out.add(ChainJson.storageChange(new StorageChange(block, entries)));
        return out;
    }

    private byte[] call(String method, byte[] data, H256 at) throws RpcException {
        try {
            return chain.call(method, data, at);
        } catch (IllegalArgumentException e) {
            throw new RpcException(CLIENT_ERROR, "Client error: Execution failed: " + e.getMessage());
        }
    }

    /**
     * The runtime's Metadata_metadata (an OpaqueMetadata, i.e. SCALE Vec&lt;u8&gt;) unwrapped, as Substrate does it.
     * One runtime so far: the same metadata at every block.
     */
    private byte[] metadata(H256 at) throws RpcException {
        byte[] opaque = call("Metadata_metadata", NO_INPUT, at);
        try {
            ScaleReader r = new ScaleReader(opaque);
            byte[] metadata = r.vecBytes();
            r.expectEnd();
            return metadata;
        } catch (ScaleException e) {
            throw new RpcException(JsonRpc.INTERNAL_ERROR, "Internal error",
                    "the runtime returned malformed metadata: " + e.getMessage());
        }
    }

    /** Reads at an unknown block fail as Substrate's do, rather than looking like absent values. */
    private H256 knownBlock(H256 at) throws RpcException {
        if (at != null && chain.header(at).isEmpty()) {
            throw new RpcException(CLIENT_ERROR, "Client error: UnknownBlock: header not found for " + Hex.encode(
                    at.toArray()));
        }
        return at;
    }
}
