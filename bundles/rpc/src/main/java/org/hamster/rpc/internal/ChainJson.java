package org.hamster.rpc.internal;

import static org.hamster.rpc.internal.JsonRpc.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Set;
import org.hamster.chain.FeeInfo;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.StorageChange;
import org.hamster.chain.TxStatus;
import org.hamster.common.Hex;

/** Chain types in the JSON shapes Substrate's RPC gives them, which @polkadot/api decodes. */
final class ChainJson {
    private static final Set<String> KNOWN_CHAIN_TYPES = Set.of("Development", "Local", "Live");
    private static final String[] DISPATCH_CLASSES = {"normal", "operational", "mandatory"};

    private ChainJson() {
    }

    static TextNode hex(byte[] bytes) {
        return TextNode.valueOf(Hex.encode(bytes));
    }

    static JsonNode hash(H256 h) {
        return h == null ? NODES.nullNode() : TextNode.valueOf(h.hex());
    }

    static ArrayNode hexArray(List<byte[]> items) {
        ArrayNode a = NODES.arrayNode(items.size());
        items.forEach(b -> a.add(Hex.encode(b)));
        return a;
    }

    /** Header numbers are hex strings without leading zeros ("0x0", "0x1a"), as Substrate serialises them. */
    static ObjectNode header(Header h) {
        ObjectNode o = NODES.objectNode();
        o.put("parentHash", h.parentHash().hex());
        o.put("number", "0x" + Long.toHexString(h.number()));
        o.put("stateRoot", h.stateRoot().hex());
        o.put("extrinsicsRoot", h.extrinsicsRoot().hex());
        ObjectNode digest = o.putObject("digest");
        digest.set("logs", hexArray(h.digest()));
        return o;
    }

    static ObjectNode block(Header h, List<byte[]> extrinsics) {
        ObjectNode block = NODES.objectNode();
        block.set("header", header(h));
        block.set("extrinsics", hexArray(extrinsics));
        ObjectNode signed = NODES.objectNode();
        signed.set("block", block);
        signed.putNull("justifications");
        return signed;
    }

    static ObjectNode runtimeVersion(RuntimeVersion v) {
        ObjectNode o = NODES.objectNode();
        o.put("specName", v.specName());
        o.put("implName", v.implName());
        o.put("authoringVersion", v.authoringVersion());
        o.put("specVersion", v.specVersion());
        o.put("implVersion", v.implVersion());
        ArrayNode apis = o.putArray("apis");
        for (RuntimeVersion.Api api : v.apis()) {
            apis.addArray().add(Hex.encode(api.id())).add(api.version());
        }
        o.put("transactionVersion", v.transactionVersion());
        o.put("stateVersion", v.stateVersion());
        return o;
    }

    /** ChainType serialises as "Development" / "Local" / "Live", anything else as {"Custom": name}. */
    static JsonNode chainType(String type) {
        if (KNOWN_CHAIN_TYPES.contains(type)) {
            return TextNode.valueOf(type);
        }
        ObjectNode custom = NODES.objectNode();
        custom.put("Custom", type);
        return custom;
    }

    static ObjectNode storageChange(StorageChange change) {
        ObjectNode o = NODES.objectNode();
        o.set("block", hash(change.block()));
        ArrayNode changes = o.putArray("changes");
        for (StorageChange.Entry e : change.changes()) {
            changes.addArray().add(Hex.encode(e.key())).add(e.value() == null ? null : hex(e.value()));
        }
        return o;
    }

    /** TransactionStatus as serde writes it: unit variants as strings, the others as {"variant": hash}. */
    static JsonNode txStatus(TxStatus s) {
        return switch (s.kind()) {
            case FUTURE -> TextNode.valueOf("future");
            case READY -> TextNode.valueOf("ready");
            case DROPPED -> TextNode.valueOf("dropped");
            case INVALID -> TextNode.valueOf("invalid");
            case IN_BLOCK -> variant("inBlock", s.block());
            case FINALIZED -> variant("finalized", s.block());
            case USURPED -> variant("usurped", s.block());
        };
    }

    /** RuntimeDispatchInfo: weight {ref_time, proof_size}, class in camel case, partialFee as a decimal string. */
    static ObjectNode feeInfo(FeeInfo f) {
        ObjectNode o = NODES.objectNode();
        ObjectNode weight = o.putObject("weight");
        weight.put("ref_time", f.refTime());
        weight.put("proof_size", f.proofSize());
        int c = f.dispatchClass();
        o.put("class", c >= 0 && c < DISPATCH_CLASSES.length ? DISPATCH_CLASSES[c] : "normal");
        o.put("partialFee", f.partialFee().toString());
        return o;
    }

    private static ObjectNode variant(String name, H256 hash) {
        ObjectNode o = NODES.objectNode();
        o.set(name, hash(hash));
        return o;
    }
}
