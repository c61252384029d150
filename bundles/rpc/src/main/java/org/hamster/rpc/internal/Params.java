package org.hamster.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hamster.chain.H256;
import org.hamster.common.Hex;

/**
 * The parameters of one call, positional (an array, as polkadot.js sends them) or named (an object keyed by
 * the method's parameter names). Every accessor fails with -32602 and says which parameter was wrong.
 */
final class Params {
    private static final int SHOWN_CHARS = 80;
    private final List<String> names;
    private final JsonNode node;

    private Params(List<String> names, JsonNode node) {
        this.names = names;
        this.node = node;
    }

    static Params of(String method, List<String> names, JsonNode params) throws RpcException {
        if (params == null || params.isNull() || params.isMissingNode()) {
            return new Params(names, null);
        }
        if (params.isArray()) {
            if (params.size() > names.size()) {
                throw RpcException.invalidParams(method + " takes at most " + names.size() + " parameter(s)"
                        + (names.isEmpty() ? "" : " " + names) + ", got " + params.size());
            }
        } else if (params.isObject()) {
            for (Iterator<String> it = params.fieldNames(); it.hasNext();) {
                String n = it.next();
                if (!names.contains(n)) {
                    throw RpcException.invalidParams(method + " has no parameter '" + n + "'; it takes " + names);
                }
            }
        } else {
            throw RpcException.invalidRequest("params must be an array or an object");
        }
        return new Params(names, params);
    }

    /** The raw value, or null when absent or JSON null. */
    JsonNode get(int i) {
        JsonNode v = node == null ? null : node.isArray() ? node.get(i) : node.get(names.get(i));
        return v == null || v.isNull() ? null : v;
    }

    String string(int i) throws RpcException {
        JsonNode v = required(i);
        if (!v.isTextual()) {
            throw bad(i, "a string", v);
        }
        return v.asText();
    }

    byte[] hex(int i) throws RpcException {
        JsonNode v = required(i);
        return decodeHex(i, v);
    }

    byte[] optHex(int i) throws RpcException {
        JsonNode v = get(i);
        return v == null ? null : decodeHex(i, v);
    }

    H256 optHash(int i) throws RpcException {
        byte[] b = optHex(i);
        if (b != null && b.length != 32) {
            throw bad(i, "a 32-byte hash", get(i));
        }
        return b == null ? null : H256.of(b);
    }

    long u32(int i) throws RpcException {
        JsonNode v = required(i);
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > 0xffffffffL) {
            throw bad(i, "an integer in 0..4294967295", v);
        }
        return v.asLong();
    }

    List<byte[]> hexList(int i) throws RpcException {
        JsonNode v = required(i);
        if (!v.isArray()) {
            throw bad(i, "an array of hex strings", v);
        }
        List<byte[]> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            out.add(decodeHex(i, e));
        }
        return out;
    }

    /** A block number as a JSON integer or a hex string (Substrate's NumberOrHex), at most u32. */
    static long blockNumber(int i, String name, JsonNode v) throws RpcException {
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.asLong();
        } else if (v.isTextual() && v.asText().matches("0[xX][0-9a-fA-F]{1,16}")) {
            try {
                n = Long.parseUnsignedLong(v.asText().substring(2), 16);
            } catch (NumberFormatException e) {
                n = -1;
            }
        } else {
            throw badParam(i, name, "a block number (integer or 0x-hex)", v);
        }
        if (n < 0 || n > 0xffffffffL) {
            throw badParam(i, name, "a block number in 0..4294967295 (u32)", v);
        }
        return n;
    }

    String name(int i) {
        return names.get(i);
    }

    RpcException bad(int i, String expected, JsonNode got) {
        return badParam(i, names.get(i), expected, got);
    }

    static RpcException badParam(int i, String name, String expected, JsonNode got) {
        String shown = got == null ? "nothing" : got.toString();
        if (shown.length() > SHOWN_CHARS) {
            shown = shown.substring(0, SHOWN_CHARS) + "...";
        }
        return RpcException.invalidParams("parameter " + i + " (" + name + "): expected " + expected
                + ", got " + shown);
    }

    private JsonNode required(int i) throws RpcException {
        JsonNode v = get(i);
        if (v == null) {
            throw RpcException.invalidParams("parameter " + i + " (" + names.get(i) + ") is required");
        }
        return v;
    }

    private byte[] decodeHex(int i, JsonNode v) throws RpcException {
        if (!v.isTextual()) {
            throw bad(i, "a 0x-prefixed hex string", v);
        }
        try {
            return Hex.decode(v.asText());
        } catch (IllegalArgumentException e) {
            throw bad(i, "a 0x-prefixed hex string (" + e.getMessage() + ")", v);
        }
    }
}
