package org.hamster.chain;

import org.hamster.codec.ScaleWriter;

/**
 * Why a dispatched call failed, encoded as Substrate's sp_runtime::DispatchError.
 * {@code detail} carries the nested variant: the error index for Module, the sub-error for Token/Arithmetic.
 */
public record DispatchError(Kind kind, int palletIndex, int detail, String description) {
    public enum Kind {
        OTHER, CANNOT_LOOKUP, BAD_ORIGIN, MODULE, CONSUMER_REMAINING, NO_PROVIDERS, TOO_MANY_CONSUMERS, TOKEN,
        ARITHMETIC, TRANSACTIONAL, EXHAUSTED, CORRUPTION, UNAVAILABLE, ROOT_NOT_ALLOWED
    }

    /** sp_runtime::ArithmeticError variants. */
    public static final int UNDERFLOW = 0;
    public static final int OVERFLOW = 1;
    public static final int DIVISION_BY_ZERO = 2;

    public static DispatchError badOrigin() {
        return new DispatchError(Kind.BAD_ORIGIN, 0, 0, "BadOrigin");
    }

    public static DispatchError arithmetic(int which) {
        return new DispatchError(Kind.ARITHMETIC, 0, which,
                which == UNDERFLOW ? "Underflow" : which == OVERFLOW ? "Overflow" : "DivisionByZero");
    }

    public static DispatchError other(String description) {
        return new DispatchError(Kind.OTHER, 0, 0, description);
    }

    public void encode(ScaleWriter w) {
        w.u8(kind.ordinal());
        switch (kind) {
            case MODULE -> w.u8(palletIndex).u8(detail).u8(0).u8(0).u8(0);
            case TOKEN, ARITHMETIC, TRANSACTIONAL -> w.u8(detail);
            default -> { }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
