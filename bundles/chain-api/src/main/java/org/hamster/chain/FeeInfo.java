package org.hamster.chain;

import java.math.BigInteger;

/** What payment_queryInfo returns: weight, dispatch class (0 normal, 1 operational, 2 mandatory) and fee. */
public record FeeInfo(long refTime, long proofSize, int dispatchClass, BigInteger partialFee) {
}
