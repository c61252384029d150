package org.hamster.chain.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/**
 * The chain spec: names, token properties, the exact pallet set with fixed indices, their constants and genesis.
 * {@code dev} is built in; anything else is a JSON file path.
 */
public record ChainSpec(String name, String id, String chainType, Map<String, Object> properties, String specName,
        String implName, long transactionVersion, long blockTimeMs, long genesisTimestamp, List<PalletSpec> pallets) {

    /** One pallet of the runtime: its index and its spec sections (empty objects when absent). */
    public record PalletSpec(String name, int index, JsonNode constants, JsonNode genesis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ChainSpec load(String nameOrPath) throws HamsterException {
        if ("dev".equals(nameOrPath)) {
            try (InputStream in = ChainSpec.class.getResourceAsStream("dev.json")) {
                return parse(JSON.readTree(in));
            } catch (IOException e) {
                throw new HamsterException(ErrorCode.CONFIG, e, "built-in dev chain spec unreadable");
            }
        }
        try {
            return parse(JSON.readTree(Files.readAllBytes(Path.of(nameOrPath))));
        } catch (IOException e) {
            throw new HamsterException(ErrorCode.CONFIG, e, "chain spec " + nameOrPath + ": " + e.getMessage());
        }
    }

    public static ChainSpec parse(JsonNode root) throws HamsterException {
        if (root == null || !root.isObject()) {
            throw new HamsterException(ErrorCode.CONFIG, "chain spec is not a JSON object");
        }
        JsonNode rt = require(root, "runtime");
        JsonNode list = require(rt, "pallets");
        if (!list.isArray() || list.isEmpty()) {
            throw new HamsterException(ErrorCode.CONFIG, "runtime.pallets must be a non-empty array");
        }
        List<PalletSpec> pallets = new ArrayList<>();
        boolean[] used = new boolean[256];
        for (JsonNode p : list) {
            String name = text(p, "name");
            int index = p.path("index").asInt(-1);
            if (index < 0 || index > 255 || !p.path("index").isInt()) {
                throw new HamsterException(ErrorCode.CONFIG, "pallet " + name + ": index must be 0..255");
            }
            if (used[index] || pallets.stream().anyMatch(q -> q.name().equals(name))) {
                throw new HamsterException(ErrorCode.CONFIG, "pallet " + name + "/" + index + " listed twice");
            }
            used[index] = true;
            pallets.add(new PalletSpec(name, index, p.path("constants"), p.path("genesis")));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        root.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
        JsonNode prefix = pallets.stream().filter(p -> p.name().equals("System")).findFirst()
                .map(p -> p.constants().path("ss58Prefix")).orElse(null);
        if (prefix != null && !prefix.isMissingNode() && props.containsKey("ss58Format")
                && !String.valueOf(props.get("ss58Format")).equals(prefix.asText())) {
            throw new HamsterException(ErrorCode.CONFIG, "System.ss58Prefix " + prefix.asText()
                    + " differs from properties.ss58Format " + props.get("ss58Format") + " (tools read either)");
        }
        long blockTime = rt.path("blockTimeMs").asLong(6000);
        if (blockTime < 100) {
            throw new HamsterException(ErrorCode.CONFIG, "runtime.blockTimeMs must be >= 100");
        }
        return new ChainSpec(text(root, "name"), text(root, "id"), root.path("chainType").asText("Live"),
                Collections.unmodifiableMap(props), text(rt, "specName"), rt.path("implName").asText("hamster-karaf"),
                rt.path("transactionVersion").asLong(1), blockTime, root.path("genesisTimestamp").asLong(0),
                List.copyOf(pallets));
    }

    public PalletSpec pallet(String name) {
        return pallets.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private static JsonNode require(JsonNode n, String field) throws HamsterException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new HamsterException(ErrorCode.CONFIG, "chain spec misses '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) throws HamsterException {
        JsonNode v = require(n, field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new HamsterException(ErrorCode.CONFIG, "chain spec field '" + field + "' must be a non-empty string");
        }
        return v.asText();
    }
}
