package org.hamster.rpc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** JSON-RPC 2.0 envelopes and the error codes we answer with (the standard ones and jsonrpsee's). */
final class JsonRpc {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    static final int TOO_MANY_SUBSCRIPTIONS = -32006;
    static final int OVERSIZED_REQUEST = -32007;
    static final int OVERSIZED_RESPONSE = -32008;
    static final int SERVER_BUSY = -32009;
    static final int TOO_BIG_BATCH_RESPONSE = -32011;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRpc() {
    }

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode o = envelope(id);
        o.set("result", result == null ? NODES.nullNode() : result);
        return o;
    }

    static ObjectNode error(JsonNode id, RpcException e) {
        ObjectNode err = NODES.objectNode();
        err.put("code", e.code());
        err.put("message", e.getMessage());
        if (e.data() != null) {
            err.set("data", e.data());
        }
        ObjectNode o = envelope(id);
        o.set("error", err);
        return o;
    }

    static ObjectNode notification(String method, String subscription, JsonNode result) {
        ObjectNode params = NODES.objectNode();
        params.put("subscription", subscription);
        params.set("result", result);
        ObjectNode o = NODES.objectNode();
        o.put("jsonrpc", "2.0");
        o.put("method", method);
        o.set("params", params);
        return o;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole error response with a null id, for failures that happen before a request is read. */
    static byte[] errorBytes(int code, String message, String data) {
        return bytes(error(NODES.nullNode(), new RpcException(code, message, data)));
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode o = NODES.objectNode();
        o.put("jsonrpc", "2.0");
        o.set("id", id == null ? NODES.nullNode() : id);
        return o;
    }
}
