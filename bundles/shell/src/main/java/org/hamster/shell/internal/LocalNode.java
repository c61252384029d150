package org.hamster.shell.internal;

import org.hamster.chain.ChainService;

/** The node commands work on the chain this instance runs; other roles (gateway, provider, client) have none. */
final class LocalNode {
    private LocalNode() {
    }

    static void require(ChainService chain) {
        if (chain == null) {
            throw new IllegalArgumentException("This instance runs no chain node (feature hamster-node); the market "
                    + "commands (hamster:orders-of, agreements, ...) reach the node in "
                    + "etc/org.hamster.chain.client.cfg");
        }
    }
}
