package org.hamster.chain.runtime.internal;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.hamster.chain.spi.Pallet;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.storage.KvStore;

/** Builds a node outside OSGi (tests, benchmarks): same code path as the DS component, explicit pallets. */
public final class EmbeddedNode {
    private EmbeddedNode() {
    }

    /**
     * @param spec       a loaded chain spec ({@link ChainSpec#load})
     * @param pallets    the pallet instances; exactly the spec's set
     * @param autoSeal   start the block author thread (false: blocks only via {@link Node#sealNow()})
     */
    public static Node create(ChainSpec spec, KvStore store, Collection<Pallet> pallets, Node.Sealing sealing,
            long blockTimeMs, boolean autoSeal) throws HamsterException {
        Map<Integer, Pallet> set = new TreeMap<>();
        for (ChainSpec.PalletSpec ps : spec.pallets()) {
            Pallet p = pallets.stream().filter(x -> x.name().equals(ps.name())).findFirst().orElseThrow(
                    () -> new HamsterException(ErrorCode.CONFIG, "pallet " + ps.name() + " not given"));
            p.configure(ps.constants());
            set.put(ps.index(), p);
        }
        if (set.size() != pallets.size()) {
            throw new HamsterException(ErrorCode.CONFIG, "pallets given that the chain spec does not list");
        }
        Node node = new Node(new Chain(spec, new RuntimeModules(spec, set), store), sealing, blockTimeMs, 1_000_000,
                50_000, "embedded");
        if (autoSeal) {
            node.start();
        }
        return node;
    }
}
