package org.hamster.webconsole.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.ChainInfo;
import org.hamster.chain.ChainService;
import org.hamster.chain.Header;
import org.hamster.chain.client.ChainClient;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The chain: the local node if this instance runs one, and the node the chain client reaches. */
@Component(service = Section.class)
public final class ChainSection implements Section {
    private static final long WAIT_SECONDS = 3;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChainService node;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChainClient client;

    @Override
    public int order() {
        return 0;
    }

    @Override
    public String role() {
        return node == null ? null : "node";
    }

    @Override
    public void render(Html html) {
        ChainService n = node;
        if (n != null) {
            ChainInfo info = n.info();
            Header best = n.bestHeader();
            html.table("Node (local chain runtime)")
                    .row("Chain", info.name() + " (" + info.chainType() + ")")
                    .row("Node", info.nodeName() + " " + info.nodeVersion())
                    .row("Genesis", info.genesisHash())
                    .row("Best block", "#" + best.number() + " " + best.hash())
                    .row("Finalized", n.finalizedHash())
                    .row("Peers", n.peers())
                    .row("Syncing", n.isSyncing() ? "yes" : "no")
                    .end();
        }
        ChainClient c = client;
        html.table("Chain client");
        if (c == null) {
            html.row("Node", "not connected yet (url in etc/org.hamster.chain.client.cfg)").end();
            return;
        }
        html.row("Node", c.endpoint()).row("Connected", c.isConnected() ? "yes" : "no");
        if (c.isConnected()) {
            html.row("Best block", awaitOrError(c.bestHeader().thenApply(h -> "#" + h.number() + " " + h.hash())));
        }
        html.end();
    }

    /** The value, or why it is missing: the page must not hang on a slow node. */
    static String awaitOrError(CompletableFuture<String> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "unknown (" + (e.getCause() == null ? e : e.getCause()).getMessage() + ")";
        }
    }
}
