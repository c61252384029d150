package org.hamster.rpc.internal;

import static org.hamster.rpc.internal.JsonRpc.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.ChainService;
import org.hamster.chain.ChainInfo;
import org.hamster.common.HamsterException;

/** system_* and rpc_methods. */
final class SystemMethods {
    private final ChainService chain;

    SystemMethods(ChainService chain) {
        this.chain = chain;
    }

    void register(MethodTable t) {
        t.add("system_name", List.of(), (p, c) -> NODES.textNode(chain.info().nodeName()));
        t.add("system_version", List.of(), (p, c) -> NODES.textNode(chain.info().nodeVersion()));
        t.add("system_chain", List.of(), (p, c) -> NODES.textNode(chain.info().name()));
        t.add("system_chainType", List.of(), (p, c) -> ChainJson.chainType(chain.info().chainType()));
        t.add("system_properties", List.of(), (p, c) -> JsonRpc.MAPPER.valueToTree(chain.info().properties()));
        t.add("system_health", List.of(), (p, c) -> health());
        t.add("system_accountNextIndex", List.of("account"), (p, c) -> {
            AccountId who;
            try {
                who = AccountId.parse(p.string(0));
            } catch (HamsterException | IllegalArgumentException e) {
                throw p.bad(0, "an SS58 address or a 0x-prefixed 32-byte public key", p.get(0));
            }
            return NODES.numberNode(chain.accountNextIndex(who));
        });
        t.add("rpc_methods", List.of(), (p, c) -> {
            ObjectNode o = NODES.objectNode();
            t.availableNames().forEach(o.putArray("methods")::add);
            return o;
        });
    }

    /** {peers, isSyncing, shouldHavePeers}; only a live chain is expected to have peers. */
    ObjectNode health() {
        ChainInfo info = chain.info();
        ObjectNode o = NODES.objectNode();
        o.put("peers", chain.peers());
        o.put("isSyncing", chain.isSyncing());
        o.put("shouldHavePeers", "Live".equals(info.chainType()));
        return o;
    }
}
