package org.hamster.common;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts between token units ("1.5" HAM) and the chain's integer base units, for a number of decimals. */
public final class TokenAmount {
    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private TokenAmount() {
    }

    /**
     * Parses "12", "1.5" (tokens) or "1500000000000p" / "1500000000000planck" (base units). Rejects negative
     * values, more fractional digits than {@code decimals} and anything above u128.
     */
    public static BigInteger parse(String text, int decimals) throws HamsterException {
        String t = text.trim().replace("_", "");
        BigInteger v;
        try {
            if (t.endsWith("planck") || t.endsWith("p")) {
                v = new BigInteger(t.substring(0, t.length() - (t.endsWith("planck") ? 6 : 1)));
            } else {
                BigDecimal d = new BigDecimal(t).movePointRight(decimals);
                if (d.stripTrailingZeros().scale() > 0) {
                    throw new HamsterException(ErrorCode.INVALID_INPUT,
                            "amount " + text + " has more than " + decimals + " decimals");
                }
                v = d.toBigIntegerExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "not an amount: " + text);
        }
        if (v.signum() < 0 || v.compareTo(U128_MAX) > 0) {
            throw new HamsterException(ErrorCode.INVALID_INPUT, "amount out of range: " + text);
        }
        return v;
    }

    /** "1.500000000000" style text with all decimals. */
    public static String format(BigInteger units, int decimals) {
        return new BigDecimal(units).movePointLeft(decimals).setScale(decimals).toPlainString();
    }
}
