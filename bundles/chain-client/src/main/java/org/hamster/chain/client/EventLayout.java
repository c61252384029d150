package org.hamster.chain.client;

import org.hamster.codec.ScaleReader;

/**
 * How to walk over the fields of one pallet's events, so that System.Events (a vector of variable-length
 * records) can be split without metadata. Pallet API bundles offer this as their event decoder's skip method.
 */
@FunctionalInterface
public interface EventLayout {
    /** Reads exactly the fields of event {@code eventIndex}; ScaleException for an unknown index. */
    void skip(int eventIndex, ScaleReader r);
}
