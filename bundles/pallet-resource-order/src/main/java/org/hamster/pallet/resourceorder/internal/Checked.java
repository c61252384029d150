package org.hamster.pallet.resourceorder.internal;

import org.hamster.chain.spi.DispatchException;

/** u64 arithmetic that fails with ArithmeticError::Overflow instead of wrapping. */
final class Checked {
    private Checked() {
    }

    static long add(long a, long b) throws DispatchException {
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

    static long mul(long a, long b) throws DispatchException {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw DispatchException.overflow();
        }
    }
}
