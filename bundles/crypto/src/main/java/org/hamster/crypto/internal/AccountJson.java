package org.hamster.crypto.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/**
 * A polkadot.js account export: {@code {"encoded", "encoding": {"content", "type", "version"}, "address", "meta"}}.
 * Only version 3 ed25519 accounts encrypted with scrypt + xsalsa20-poly1305 are accepted.
 */
public record AccountJson(String address, byte[] encoded, ObjectNode meta) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static AccountJson parse(String json) throws HamsterException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, "account JSON does not parse: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new HamsterException(ErrorCode.KEYSTORE, "account JSON is not an object");
        }
        JsonNode encoding = root.path("encoding");
        String content = encoding.path("content").toString();
        if (!content.equals("[\"pkcs8\",\"ed25519\"]")) {
            throw new HamsterException(ErrorCode.KEYSTORE, "only ed25519 pkcs8 accounts are supported, not " + content);
        }
        String type = encoding.path("type").toString();
        if (!type.equals("[\"scrypt\",\"xsalsa20-poly1305\"]")) {
            throw new HamsterException(ErrorCode.KEYSTORE,
                    "only scrypt + xsalsa20-poly1305 encryption is supported, not " + type);
        }
        if (!encoding.path("version").asText().equals("3")) {
            throw new HamsterException(ErrorCode.KEYSTORE,
                    "only version 3 account JSON is supported, not " + encoding.path("version"));
        }
        String address = root.path("address").asText("");
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(root.path("encoded").asText(""));
        } catch (IllegalArgumentException e) {
            throw new HamsterException(ErrorCode.KEYSTORE, "account JSON \"encoded\" is not base64");
        }
        JsonNode meta = root.path("meta");
        ObjectNode metaCopy = meta.isObject() ? (ObjectNode) meta.deepCopy() : MAPPER.createObjectNode();
        return new AccountJson(address, encoded, metaCopy);
    }

    public static ObjectNode newMeta(String name) {
        ObjectNode meta = MAPPER.createObjectNode();
        meta.put("name", name);
        meta.put("whenCreated", System.currentTimeMillis());
        return meta;
    }

    public String name() {
        return meta.path("name").asText("");
    }

    public AccountJson withName(String name) {
        ObjectNode m = meta.deepCopy();
        m.put("name", name);
        return new AccountJson(address, encoded, m);
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("encoded", Base64.getEncoder().encodeToString(encoded));
        ObjectNode encoding = root.putObject("encoding");
        ArrayNode content = encoding.putArray("content");
        content.add("pkcs8").add("ed25519");
        encoding.putArray("type").add("scrypt").add("xsalsa20-poly1305");
        encoding.put("version", "3");
        root.put("address", address);
        root.set("meta", meta);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
