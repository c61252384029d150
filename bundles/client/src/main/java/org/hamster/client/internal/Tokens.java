package org.hamster.client.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.hamster.client.Amount;
import org.hamster.client.ClientException;
import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;

/** The chain's token (system properties): formats amounts for people and parses what they type. */
record Tokens(int decimals, String symbol) {
    static final Tokens DEV = new Tokens(12, "HAM");

    Amount amount(BigInteger units) {
        return new Amount(units.toString(), new BigDecimal(units).movePointLeft(decimals).stripTrailingZeros()
                .toPlainString() + " " + symbol);
    }

    /** "1.5" (tokens) or "1500000000000p" (smallest units), as {@link TokenAmount#parse} reads them. */
    BigInteger parse(String text) throws ClientException {
        if (text == null || text.isBlank()) {
            throw Settings.invalid("no amount given");
        }
        try {
            return TokenAmount.parse(text, decimals);
        } catch (HamsterException e) {
            throw Settings.invalid(e.getMessage().replaceFirst("^invalid input: ", ""));
        }
    }
}
