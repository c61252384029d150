package org.hamster.chain.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.common.HamsterException;

/**
 * Reads typed values out of a chain spec's pallet sections (constants, genesis). Amounts are u128, given as
 * decimal strings (JSON numbers lose precision in many tools) or integral numbers. Bad values throw
 * IllegalArgumentException naming {@code what}.
 */
public final class SpecValues {
    public static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private SpecValues() {
    }

    /** True if the field is absent or null (a missing section is a MissingNode). */
    public static boolean absent(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull();
    }

    public static BigInteger u128(JsonNode value, String what) {
        BigInteger v = integer(value, what);
        if (v.signum() < 0 || v.compareTo(U128_MAX) > 0) {
            throw new IllegalArgumentException(what + " must be within 0..2^128-1, got " + v);
        }
        return v;
    }

    public static long u64(JsonNode value, String what) {
        BigInteger v = integer(value, what);
        if (v.signum() < 0 || v.bitLength() > 63) {
            throw new IllegalArgumentException(what + " must be within 0..2^63-1, got " + v);
        }
        return v.longValue();
    }

    /** An SS58 address or 0x-prefixed public key. */
    public static AccountId account(JsonNode value, String what) {
        if (absent(value) || !value.isTextual()) {
            throw new IllegalArgumentException(what + " must be an SS58 address string, got " + value);
        }
        try {
            return AccountId.parse(value.asText());
        } catch (HamsterException | IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not an account: " + e.getMessage(), e);
        }
    }

    private static BigInteger integer(JsonNode value, String what) {
        if (absent(value)) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,40}")) {
            return new BigInteger(value.asText());
        }
        throw new IllegalArgumentException(what + " must be a non-negative integer (decimal string), got " + value);
    }
}
