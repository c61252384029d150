package org.hamster.rest.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Slows password guessing down: after {@code maxFailures} failed logins in a row, every login is refused for
 * {@code lockout}; a successful login starts the count again. Thread-safe.
 */
final class LoginGuard {
    private final int maxFailures;
    private final long lockoutNanos;
    private final LongSupplier nanoTime;
    private int failures;
    private long lockedUntil;
    private boolean locked;

    LoginGuard(int maxFailures, Duration lockout, LongSupplier nanoTime) {
        this.maxFailures = maxFailures;
        this.lockoutNanos = lockout.toNanos();
        this.nanoTime = nanoTime;
    }

    /** How long logins are still refused; zero when they are allowed. */
    synchronized Duration lockedFor() {
        long left = locked ? lockedUntil - nanoTime.getAsLong() : 0;
        if (left <= 0) {
            locked = false;
            return Duration.ZERO;
        }
        return Duration.ofNanos(left);
    }

    synchronized void failed() {
        if (++failures >= maxFailures) {
            failures = 0;
            locked = true;
            lockedUntil = nanoTime.getAsLong() + lockoutNanos;
        }
    }

    synchronized void succeeded() {
        failures = 0;
    }
}
