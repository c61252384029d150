package org.hamster.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** Chain specs for itests: the node assembly's built-in dev spec with hours and tolerances short enough to watch. */
final class ChainSpecs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainSpecs() {
    }

    /** Writes {@code etc/<name>.json} into the node at {@code home}: 1 s blocks and slots, the given hour. */
    static Path shortHours(Path home, String name, long hourMs, long heartbeatToleranceMs, long graceMs)
            throws IOException {
        String v = System.getProperty("hamster.version");
        Path jar = home.resolve("system/org/hamster/org.hamster.chain.runtime/" + v + "/org.hamster.chain.runtime-"
                + v + ".jar");
        ObjectNode spec;
        try (ZipFile zip = new ZipFile(jar.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("org/hamster/chain/runtime/internal/dev.json"))) {
            spec = (ObjectNode) JSON.readTree(in);
        }
        spec.put("name", name);
        ObjectNode runtime = (ObjectNode) spec.get("runtime");
        runtime.put("blockTimeMs", 1000);
        for (JsonNode p : runtime.get("pallets")) {
            ObjectNode c = (ObjectNode) p.get("constants");
            switch (p.get("name").asText()) {
                case "Provider" -> c.put("hourMs", hourMs).put("slotMs", 1000);
                case "ResourceOrder" -> c.put("slotMs", 1000).put("orderTimeout", 60_000)
                        .put("heartbeatTolerance", heartbeatToleranceMs).put("graceAllowance", graceMs);
                default -> { }
            }
        }
        Path out = home.resolve("etc/" + name.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), spec);
        return out;
    }
}
