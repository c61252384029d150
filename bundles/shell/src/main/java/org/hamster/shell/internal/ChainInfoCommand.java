package org.hamster.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.ChainInfo;
import org.hamster.chain.ChainService;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;

@Command(scope = "hamster", name = "chain-info", description = "Chain name, genesis, head and runtime of this node")
@Service
public class ChainInfoCommand implements Action {
    @Reference(optional = true) // commands of this bundle must not wait for a local node on other roles
    ChainService chain;

    @Override
    public Object execute() {
        LocalNode.require(chain);
        ChainInfo i = chain.info();
        Header best = chain.bestHeader();
        RuntimeVersion v = chain.runtimeVersion();
        System.out.printf("Chain        %s (%s, %s)%n", i.name(), i.id(), i.chainType());
        System.out.printf("Genesis      %s%n", i.genesisHash());
        System.out.printf("Best block   #%d %s%n", best.number(), best.hash());
        System.out.printf("Finalized    %s%n", chain.finalizedHash());
        System.out.printf("Runtime      %s spec_version %d, transaction_version %d%n", v.specName(),
                v.specVersion(), v.transactionVersion());
        System.out.printf("Pallets      %s%n", chain.palletIndices());
        System.out.printf("Properties   %s%n", i.properties());
        System.out.printf("Pending txs  %d%n", chain.pendingExtrinsics().size());
        return null;
    }
}
