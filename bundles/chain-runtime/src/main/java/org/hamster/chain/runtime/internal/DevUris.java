package org.hamster.chain.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import org.hamster.common.HamsterException;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Ss58;

/**
 * Development convenience for chain specs: a genesis string of the form {@code //Name} (a dev URI, public
 * derivation only) is replaced by the SS58 address of that dev key before pallets read it.
 */
final class DevUris {
    private DevUris() {
    }

    static JsonNode resolve(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        return walk(copy);
    }

    private static JsonNode walk(JsonNode n) {
        if (n.isTextual() && n.asText().startsWith("//")) {
            try {
                return TextNode.valueOf(Ss58.encode(KeyDerivation.pair(n.asText()).publicKey()));
            } catch (HamsterException e) {
                throw new IllegalArgumentException("bad dev URI in chain spec: " + n.asText(), e);
            }
        }
        if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, walk(a.get(i)));
            }
        } else if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(walk(e.getValue()));
            }
        }
        return n;
    }
}
