package org.hamster.chain.client;

import java.util.Map;

/** system_properties of the chain spec: address format, token decimals and symbol, plus every raw entry. */
public record ChainProperties(int ss58Format, int tokenDecimals, String tokenSymbol, Map<String, Object> all) {
    public ChainProperties {
        all = Map.copyOf(all);
    }
}
