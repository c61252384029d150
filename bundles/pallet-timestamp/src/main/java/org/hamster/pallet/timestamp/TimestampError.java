package org.hamster.pallet.timestamp;

import org.hamster.chain.spi.ModuleError;

/**
 * Why the timestamp inherent was refused (Substrate panics instead; either way the block is invalid).
 * {@code AlreadySet}: a second set in one block. {@code TooEarly}: less than minimumPeriod after the previous time.
 */
public enum TimestampError implements ModuleError {
    AlreadySet, TooEarly;

    @Override
    public String pallet() {
        return TimestampStorage.PALLET;
    }

    @Override
    public int index() {
        return ordinal();
    }
}
