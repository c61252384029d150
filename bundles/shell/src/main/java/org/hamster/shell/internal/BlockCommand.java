package org.hamster.shell.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.ChainService;
import org.hamster.chain.EventRecord;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.common.Hex;

@Command(scope = "hamster", name = "block", description = "Shows a block: header, extrinsics and events")
@Service
public class BlockCommand implements Action {
    @Reference(optional = true) // commands of this bundle must not wait for a local node on other roles
    ChainService chain;

    @Argument(index = 0, name = "block", description = "Block number or 0x hash; the best block if omitted")
    String id;

    @Override
    public Object execute() {
        LocalNode.require(chain);
        Optional<H256> hash = resolve();
        if (hash.isEmpty()) {
            throw new IllegalArgumentException("Unknown block: " + id);
        }
        Header h = chain.header(hash.get()).orElseThrow();
        System.out.printf("Block #%d %s%n  parent      %s%n  state root  %s%n  extr. root  %s%n", h.number(),
                hash.get(), h.parentHash(), h.stateRoot(), h.extrinsicsRoot());
        List<byte[]> body = chain.blockBody(hash.get()).orElse(List.of());
        for (int i = 0; i < body.size(); i++) {
            Extrinsic x = Extrinsic.decode(body.get(i));
            System.out.printf("  extrinsic %d  %s call 0x%02x%02x%s%n", i, x.hash(), x.call()[0], x.call()[1],
                    x.signed() ? " signed by " + x.signer() + " nonce " + x.nonce() : " (inherent)");
        }
        Map<Integer, String> names = new java.util.HashMap<>();
        chain.palletIndices().forEach((n, idx) -> names.put(idx, n));
        for (EventRecord e : chain.events(hash.get())) {
            System.out.printf("  event %-16s %s#%d %s%n", e.extrinsicIndex() >= 0 ? "extrinsic " + e.extrinsicIndex()
                    : e.phase().name().toLowerCase(), names.getOrDefault(e.palletIndex(), "?" + e.palletIndex()),
                    e.eventIndex(), Hex.encode(e.fields()));
        }
        return null;
    }

    private Optional<H256> resolve() {
        if (id == null) {
            return Optional.of(chain.bestHeader().hash());
        }
        try {
            if (id.startsWith("0x")) {
                H256 h = H256.fromHex(id);
                return chain.header(h).map(x -> h);
            }
            return chain.blockHash(Long.parseLong(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
