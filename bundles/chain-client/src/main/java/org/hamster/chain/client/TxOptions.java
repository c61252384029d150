package org.hamster.chain.client;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * How a transaction is built and awaited. {@code mortality} is the era length in blocks counted from the best
 * block (rounded up to a power of two, at most 65536), 0 for an immortal transaction; {@code nonce} null means
 * the signer's tracked nonce; {@code inclusionTimeout} bounds {@link Signer#submitAndWaitInBlock}.
 */
public record TxOptions(BigInteger tip, long mortality, Long nonce, Duration inclusionTimeout) {
    /** No tip, mortal for 64 blocks, tracked nonce, 10 minutes to be included. */
    public static final TxOptions DEFAULT = new TxOptions(BigInteger.ZERO, 64, null, Duration.ofMinutes(10));

    public TxOptions {
        Objects.requireNonNull(tip, "tip");
        if (tip.signum() < 0 || tip.bitLength() > 128) {
            throw new IllegalArgumentException("tip must be a u128, not " + tip);
        }
        if (mortality < 0 || mortality > 65536) {
            throw new IllegalArgumentException("mortality must be 0 (immortal) or 1..65536 blocks, not " + mortality);
        }
        if (nonce != null && (nonce < 0 || nonce > 0xffffffffL)) {
            throw new IllegalArgumentException("nonce must be a u32, not " + nonce);
        }
        Objects.requireNonNull(inclusionTimeout, "inclusionTimeout");
        if (inclusionTimeout.isNegative() || inclusionTimeout.isZero()) {
            throw new IllegalArgumentException("inclusionTimeout must be positive");
        }
    }

    public boolean immortal() {
        return mortality == 0;
    }

    public TxOptions withTip(BigInteger t) {
        return new TxOptions(t, mortality, nonce, inclusionTimeout);
    }

    public TxOptions withMortality(long blocks) {
        return new TxOptions(tip, blocks, nonce, inclusionTimeout);
    }

    public TxOptions asImmortal() {
        return withMortality(0);
    }

    /** A fixed nonce: not tracked, and never retried with another one. */
    public TxOptions withNonce(long n) {
        return new TxOptions(tip, mortality, n, inclusionTimeout);
    }

    public TxOptions withInclusionTimeout(Duration d) {
        return new TxOptions(tip, mortality, nonce, d);
    }
}
