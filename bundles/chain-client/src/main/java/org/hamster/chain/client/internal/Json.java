package org.hamster.chain.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.common.Hex;

/** JSON helpers of the wire format: Substrate writes bytes and big numbers as 0x-hex strings. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Positional parameters, trailing nulls dropped (optional arguments). */
    static ArrayNode array(Object... params) {
        int n = params.length;
        while (n > 0 && params[n - 1] == null) {
            n--;
        }
        ArrayNode a = MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) {
            a.add(param(params[i]));
        }
        return a;
    }

    static JsonNode param(Object p) {
        if (p == null) {
            return NullNode.getInstance();
        }
        if (p instanceof JsonNode j) {
            return j;
        }
        if (p instanceof byte[] b) {
            return TextNode.valueOf(Hex.encode(b));
        }
        if (p instanceof H256 h) {
            return TextNode.valueOf(h.hex());
        }
        if (p instanceof AccountId a) {
            return TextNode.valueOf(a.ss58());
        }
        if (p instanceof List<?> list) {
            ArrayNode a = MAPPER.createArrayNode();
            list.forEach(x -> a.add(param(x)));
            return a;
        }
        return MAPPER.valueToTree(p);
    }

    /** A subscription id as a map key, whether the node sent a string or a number. */
    static String key(JsonNode id) {
        return id == null ? "" : id.asText();
    }

    static byte[] bytes(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("expected a hex string, got " + abbreviate(n.toString()));
        }
        return Hex.decode(n.asText());
    }

    static H256 hash(JsonNode n) {
        byte[] b = bytes(n);
        return b == null ? null : H256.of(b);
    }

    /** A JSON number, a decimal string or a 0x-hex string. */
    static BigInteger big(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            throw new IllegalArgumentException("missing number");
        }
        if (n.isNumber()) {
            return n.bigIntegerValue();
        }
        String s = n.asText().trim();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return s.length() == 2 ? BigInteger.ZERO : new BigInteger(s.substring(2), 16);
        }
        return new BigInteger(s);
    }

    static long asLong(JsonNode n) {
        return big(n).longValueExact();
    }

    static List<byte[]> byteList(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        n.forEach(x -> out.add(bytes(x)));
        return out;
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    static String describe(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
