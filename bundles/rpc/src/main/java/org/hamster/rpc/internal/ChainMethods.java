package org.hamster.rpc.internal;

import static org.hamster.rpc.internal.JsonRpc.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Optional;
import org.hamster.chain.ChainService;
import org.hamster.chain.H256;
import org.hamster.chain.Header;

/** chain_getHeader, chain_getBlock, chain_getBlockHash, chain_getFinalizedHead (and their old aliases). */
final class ChainMethods {
    private final ChainService chain;

    ChainMethods(ChainService chain) {
        this.chain = chain;
    }

    void register(MethodTable t) {
        t.add("chain_getHeader", List.of("hash"), (p, c) -> {
            H256 at = p.optHash(0);
            if (at == null) {
                return ChainJson.header(chain.bestHeader());
            }
            return chain.header(at).<JsonNode>map(ChainJson::header).orElse(NODES.nullNode());
        });
        t.add("chain_getBlock", List.of("hash"), (p, c) -> block(p.optHash(0)));
        t.add("chain_getBlockHash", List.of("number"), (p, c) -> blockHash(p));
        t.alias("chain_getHead", "chain_getBlockHash");
        t.add("chain_getFinalizedHead", List.of(), (p, c) -> ChainJson.hash(chain.finalizedHash()));
        t.alias("chain_getFinalisedHead", "chain_getFinalizedHead");
    }

    private JsonNode block(H256 hash) {
        H256 at = hash;
        Optional<Header> header;
        if (at == null) {
            Header best = chain.bestHeader();
            at = best.hash();
            header = Optional.of(best);
        } else {
            header = chain.header(at);
        }
        Optional<List<byte[]>> body = header.isPresent() ? chain.blockBody(at) : Optional.empty();
        if (header.isEmpty() || body.isEmpty()) {
            return NODES.nullNode();
        }
        return ChainJson.block(header.get(), body.get());
    }

    /** No parameter: the best block's hash; a number: its hash or null; an array: one entry per number. */
    private JsonNode blockHash(Params p) throws RpcException {
        JsonNode v = p.get(0);
        if (v == null) {
            return ChainJson.hash(chain.bestHeader().hash());
        }
        if (!v.isArray()) {
            return hashOf(Params.blockNumber(0, p.name(0), v));
        }
        long[] numbers = new long[v.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Params.blockNumber(0, p.name(0), v.get(i));
        }
        ArrayNode out = NODES.arrayNode(numbers.length);
        for (long n : numbers) {
            out.add(hashOf(n));
        }
        return out;
    }

    private JsonNode hashOf(long number) {
        return chain.blockHash(number).map(ChainJson::hash).orElse(NODES.nullNode());
    }
}
