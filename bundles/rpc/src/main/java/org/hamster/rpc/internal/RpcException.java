package org.hamster.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** A JSON-RPC error object: code, message and optional data, as the method or the envelope failed. */
final class RpcException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final transient JsonNode data;

    RpcException(int code, String message, JsonNode data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    RpcException(int code, String message, String data) {
        this(code, message, data == null ? null : TextNode.valueOf(data));
    }

    RpcException(int code, String message) {
        this(code, message, (JsonNode) null);
    }

    static RpcException invalidParams(String detail) {
        return new RpcException(JsonRpc.INVALID_PARAMS, "Invalid params", detail);
    }

    static RpcException invalidRequest(String detail) {
        return new RpcException(JsonRpc.INVALID_REQUEST, "Invalid request", detail);
    }

    static RpcException methodNotFound(String detail) {
        return new RpcException(JsonRpc.METHOD_NOT_FOUND, "Method not found", detail);
    }

    int code() {
        return code;
    }

    JsonNode data() {
        return data;
    }
}
