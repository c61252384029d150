package org.hamster.chain.support;

import org.hamster.chain.spi.DispatchException;

/** u64 arithmetic that fails with ArithmeticError::Overflow instead of wrapping. */
public final class Checked {
    private Checked() {
    }

    public static long add(long a, long b) throws DispatchException {
        try {
            long r = Math.addExact(a, b);
            if (r < 0) {
                throw DispatchException.overflow();
            }
            return r;
        } catch (ArithmeticException e) {
            throw DispatchException.overflow();
        }
    }

    public static long mul(long a, long b) throws DispatchException {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw DispatchException.overflow();
        }
    }
}
