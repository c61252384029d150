package org.hamster.shell.internal;

import org.hamster.chain.ChainService;

/** Token properties of the running chain. */
final class Tokens {
    private Tokens() {
    }

    static int decimals(ChainService chain) {
        Object d = chain.info().properties().get("tokenDecimals");
        return d instanceof Number n ? n.intValue() : 12;
    }

    static String symbol(ChainService chain) {
        Object s = chain.info().properties().get("tokenSymbol");
        return s == null ? "" : s.toString();
    }
}
