package org.hamster.chain.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamster.chain.FeeInfo;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.StorageChange;
import org.hamster.chain.TxStatus;
import org.hamster.chain.client.ChainProperties;
import org.hamster.chain.client.RpcException;
import org.hamster.chain.client.TransactionInvalidException;
import org.hamster.common.Bytes;

/** Maps the JSON shapes of Substrate's RPC results to chain-api types. */
final class Wire {
    private Wire() {
    }

    /** {parentHash, number (hex), stateRoot, extrinsicsRoot, digest: {logs: [hex DigestItem]}}. */
    static Header header(JsonNode n) {
        List<byte[]> logs = Json.byteList(n.path("digest").path("logs"));
        return new Header(Json.hash(n.get("parentHash")), Json.asLong(n.get("number")), Json.hash(n.get("stateRoot")),
                Json.hash(n.get("extrinsicsRoot")), logs);
    }

    static RuntimeVersion runtimeVersion(JsonNode n) {
        List<RuntimeVersion.Api> apis = new ArrayList<>();
        for (JsonNode api : n.path("apis")) {
            apis.add(new RuntimeVersion.Api(Json.bytes(api.get(0)), Json.asLong(api.get(1))));
        }
        return new RuntimeVersion(n.path("specName").asText(), n.path("implName").asText(),
                Json.asLong(n.path("authoringVersion")), Json.asLong(n.get("specVersion")),
                Json.asLong(n.path("implVersion")), apis, Json.asLong(n.get("transactionVersion")),
                n.path("stateVersion").asInt(0));
    }

    /** {block, changes: [[key, value | null]]}. */
    static StorageChange storageChange(JsonNode n) {
        List<StorageChange.Entry> changes = new ArrayList<>();
        for (JsonNode c : n.path("changes")) {
            changes.add(new StorageChange.Entry(Json.bytes(c.get(0)), Json.bytes(c.get(1))));
        }
        return new StorageChange(Json.hash(n.get("block")), changes);
    }

    /**
     * state_queryStorageAt: [{block, changes: [[key, value | null]]}]; the values of {@code keys} in their order,
     * empty where absent or not reported.
     */
    static List<Optional<byte[]>> values(JsonNode n, List<byte[]> keys) {
        Map<Bytes, byte[]> found = new HashMap<>();
        for (JsonNode set : n) {
            for (StorageChange.Entry e : storageChange(set).changes()) {
                if (e.value() != null) {
                    found.put(Bytes.wrap(e.key()), e.value());
                }
            }
        }
        List<Optional<byte[]>> out = new ArrayList<>(keys.size());
        keys.forEach(k -> out.add(Optional.ofNullable(found.get(Bytes.wrap(k)))));
        return out;
    }

    /**
     * "future" | "ready" | "dropped" | "invalid" | {"inBlock": h} | {"finalized": h} | {"usurped": h} |
     * {"retracted": h} | {"finalityTimeout": h} | {"broadcast": [..]}; null for statuses callers need not see.
     */
    static TxStatus txStatus(JsonNode n) {
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "future" -> new TxStatus(TxStatus.Kind.FUTURE, null, null);
                case "ready" -> new TxStatus(TxStatus.Kind.READY, null, null);
                case "dropped" -> new TxStatus(TxStatus.Kind.DROPPED, null, "dropped by the node's pool");
                case "invalid" -> new TxStatus(TxStatus.Kind.INVALID, null, "no longer valid");
                default -> null;
            };
        }
        if (!n.isObject() || n.size() != 1) {
            return null;
        }
        String kind = n.fieldNames().next();
        JsonNode v = n.get(kind);
        H256 block = v.isTextual() && v.asText().length() == 66 ? Json.hash(v) : null;
        String reason = v.isTextual() && block == null ? v.asText() : null;
        return switch (kind) {
            case "inBlock" -> new TxStatus(TxStatus.Kind.IN_BLOCK, block, null);
            case "finalized" -> new TxStatus(TxStatus.Kind.FINALIZED, block, null);
            case "usurped" -> new TxStatus(TxStatus.Kind.USURPED, null, "replaced by " + v.asText());
            case "retracted" -> new TxStatus(TxStatus.Kind.READY, block, "retracted from block " + v.asText());
            case "finalityTimeout" -> new TxStatus(TxStatus.Kind.DROPPED, block, "finality timeout");
            case "dropped" -> new TxStatus(TxStatus.Kind.DROPPED, null, reason);
            case "invalid" -> new TxStatus(TxStatus.Kind.INVALID, null, reason);
            default -> null;
        };
    }

    /** ss58Format, tokenDecimals (number or first of an array), tokenSymbol (string or first of an array). */
    @SuppressWarnings("unchecked")
    static ChainProperties properties(JsonNode n) {
        Map<String, Object> all = n.isObject() ? Json.MAPPER.convertValue(n, LinkedHashMap.class) : Map.of();
        all.values().removeIf(java.util.Objects::isNull);
        JsonNode decimals = first(n.path("tokenDecimals"));
        JsonNode symbol = first(n.path("tokenSymbol"));
        return new ChainProperties(n.path("ss58Format").asInt(42), decimals.asInt(0), symbol.asText(""), all);
    }

    /**
     * {weight: {ref_time, proof_size} (or camelCase, or a bare number), class: "normal" | "operational" |
     * "mandatory", partialFee: decimal string}.
     */
    static FeeInfo feeInfo(JsonNode n) {
        JsonNode w = n.path("weight");
        long ref = w.isObject() ? Json.asLong(either(w, "ref_time", "refTime")) : Json.asLong(w);
        long proof = w.isObject() ? Json.asLong(either(w, "proof_size", "proofSize")) : 0;
        int cls = switch (n.path("class").asText("normal").toLowerCase(java.util.Locale.ROOT)) {
            case "operational" -> 1;
            case "mandatory" -> 2;
            default -> 0;
        };
        return new FeeInfo(ref, proof, cls, Json.big(n.get("partialFee")));
    }

    /** A JSON-RPC error object as an exception; Substrate's pool codes become TransactionInvalidException. */
    static RpcException error(String method, JsonNode err) {
        int code = err.path("code").asInt();
        String message = err.path("message").asText("");
        JsonNode d = err.get("data");
        String data = d == null || d.isNull() ? null : d.isTextual() ? d.asText() : d.toString();
        return TransactionInvalidException.isPoolCode(code) ? new TransactionInvalidException(method, code, message,
                data) : new RpcException(method, code, message, data);
    }

    private static JsonNode either(JsonNode o, String a, String b) {
        return o.has(a) ? o.get(a) : o.get(b);
    }

    private static JsonNode first(JsonNode n) {
        return n.isArray() && n.size() > 0 ? n.get(0) : n;
    }
}
