package org.hamster.rpc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one JSON-RPC message (a request or a batch), runs its calls through the method table and returns
 * the serialised answer. Runs on a worker thread, never on the network threads.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final MethodTable table;
    private final int maxResponseBytes;

    Dispatcher(MethodTable table, int maxResponseBytes) {
        this.table = table;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The response bytes, or null when there is nothing to answer (only notifications). Never throws. */
    byte[] handle(byte[] message, CallContext ctx) {
        try {
            return dispatch(message, ctx);
        } catch (RuntimeException e) {
            LOG.error("Failed to answer a JSON-RPC message", e);
            return JsonRpc.errorBytes(JsonRpc.INTERNAL_ERROR, "Internal error", null);
        }
    }

    private byte[] dispatch(byte[] message, CallContext ctx) {
        JsonNode root;
        try {
            root = JsonRpc.MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            return JsonRpc.errorBytes(JsonRpc.PARSE_ERROR, "Parse error", e.getOriginalMessage());
        } catch (IOException e) {
            return JsonRpc.errorBytes(JsonRpc.PARSE_ERROR, "Parse error", e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return JsonRpc.errorBytes(JsonRpc.PARSE_ERROR, "Parse error", "empty message");
        }
        if (!root.isArray()) {
            return one(root, ctx);
        }
        if (root.isEmpty()) {
            return JsonRpc.errorBytes(JsonRpc.INVALID_REQUEST, "Invalid request", "empty batch");
        }
        List<byte[]> answers = new ArrayList<>(root.size());
        long total = 2;
        for (JsonNode request : root) {
            byte[] a = one(request, ctx);
            if (a != null) {
                answers.add(a);
                total += a.length + 1L;
            }
        }
        if (answers.isEmpty()) {
            return null;
        }
        if (total > maxResponseBytes) {
            return JsonRpc.errorBytes(JsonRpc.TOO_BIG_BATCH_RESPONSE, "The batch response was too large",
                    "Exceeded max limit of " + maxResponseBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
        out.write('[');
        for (int i = 0; i < answers.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(answers.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    private byte[] one(JsonNode request, CallContext ctx) {
        if (!request.isObject()) {
            return error(null, RpcException.invalidRequest("a request must be a JSON object"));
        }
        JsonNode id = request.get("id");
        boolean notification = !request.has("id");
        if (id != null && !(id.isNull() || id.isTextual() || id.isNumber())) {
            return error(null, RpcException.invalidRequest("id must be a string, a number or null"));
        }
        JsonNode version = request.get("jsonrpc");
        if (version == null || !version.isTextual() || !"2.0".equals(version.asText())) {
            return error(id, RpcException.invalidRequest("jsonrpc must be \"2.0\""));
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isTextual()) {
            return error(id, RpcException.invalidRequest("method must be a string"));
        }
        try {
            JsonNode result = call(method.asText(), request.get("params"), ctx, notification);
            if (notification) {
                return null;
            }
            byte[] answer = JsonRpc.bytes(JsonRpc.result(id, result));
            if (answer.length > maxResponseBytes) {
                return error(id, new RpcException(JsonRpc.OVERSIZED_RESPONSE, "Response is too big",
                        "Exceeded max limit of " + maxResponseBytes));
            }
            return answer;
        } catch (RpcException e) {
            return notification ? null : error(id, e);
        }
    }

    private JsonNode call(String name, JsonNode params, CallContext ctx, boolean notification) throws RpcException {
        MethodTable.Method m = table.get(name);
        if (m == null) {
            throw RpcException.methodNotFound(null);
        }
        if (m.subscription() && !ctx.isWebSocket()) {
            throw RpcException.methodNotFound(name + " is a subscription method: it needs a WebSocket connection");
        }
        if (m.subscription() && notification) {
            return null; // nobody would learn the subscription id
        }
        Params p = Params.of(name, m.params(), params);
        int mark = ctx.mark();
        try {
            return m.handler().call(p, ctx);
        } catch (RpcException e) {
            ctx.discardFrom(mark);
            throw e;
        } catch (RuntimeException e) {
            ctx.discardFrom(mark);
            LOG.warn("{} failed", name, e);
            throw new RpcException(JsonRpc.INTERNAL_ERROR, "Internal error", String.valueOf(e.getMessage()));
        }
    }

    private static byte[] error(JsonNode id, RpcException e) {
        return JsonRpc.bytes(JsonRpc.error(id, e));
    }
}
