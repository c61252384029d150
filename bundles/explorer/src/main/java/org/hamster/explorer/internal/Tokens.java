package org.hamster.explorer.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.hamster.chain.client.ChainProperties;

/** The chain's token (symbol and decimals from system_properties): base units as text like {@code 1.5 HAM}. */
record Tokens(int decimals, String symbol) {
    static Tokens of(ChainProperties properties) {
        return new Tokens(properties.tokenDecimals(), properties.tokenSymbol());
    }

    String format(BigInteger units) {
        return new BigDecimal(units).movePointLeft(decimals).stripTrailingZeros().toPlainString() + " " + symbol;
    }
}
