package org.hamster.provider.internal;

import java.math.BigInteger;
import org.hamster.chain.client.ChainClientException;
import org.hamster.chain.client.ExtrinsicFailedException;
import org.hamster.chain.client.TransactionInvalidException;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.provider.RefusedException;

/** Input checks of the management calls, and the chain's answers turned into what the API promises. */
final class Refusals {
    static final long U32_MAX = 0xffff_ffffL;

    private Refusals() {
    }

    /** A refusal by the pool or in the block as a {@link RefusedException}; anything else as it is. */
    static HamsterException of(ChainClientException e) {
        if (e instanceof TransactionInvalidException t) {
            return new RefusedException(t.callError() != null ? t.callError()
                    : "InvalidTransaction" + (t.reason() == null ? "" : "." + t.reason()), e);
        }
        if (e instanceof ExtrinsicFailedException f) {
            return new RefusedException(f.module() != null ? f.module() + "." + f.errorName()
                    : f.error().description(), e);
        }
        return e;
    }

    static BigInteger positive(String what, BigInteger amount) throws HamsterException {
        if (amount == null || amount.signum() <= 0) {
            throw invalid(what + " must be greater than 0");
        }
        return amount;
    }

    /** A count such as hours or CPUs: 1 .. 2^32-1. */
    static long count(String what, long value) throws HamsterException {
        if (value < 1 || value > U32_MAX) {
            throw invalid(what + " must be between 1 and " + U32_MAX + ", not " + value);
        }
        return value;
    }

    /** Resource and agreement ids are u64 numbers shown unsigned; negative input is a typo, not a huge id. */
    static long id(String what, long value) throws HamsterException {
        if (value < 0) {
            throw invalid(what + " must not be negative");
        }
        return value;
    }

    /** Non-blank text, or {@code fallback} when absent. */
    static String text(String what, String value, String fallback) throws HamsterException {
        String t = value == null ? fallback : value.strip();
        if (t.isEmpty()) {
            throw invalid(what + " must not be empty");
        }
        return t;
    }

    static HamsterException invalid(String message) {
        return new HamsterException(ErrorCode.INVALID_INPUT, message);
    }
}
