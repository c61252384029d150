package org.hamster.pallet.timestamp;

import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;

/**
 * pallet_timestamp events: there are none (as in Substrate). The type exists so that every pallet offers the same
 * static {@link #skip}, with which clients and the runtime walk System.Events.
 */
public interface TimestampEvent extends PalletEvent {
    @Override
    default String pallet() {
        return TimestampStorage.PALLET;
    }

    /** Refuses every index: a Timestamp event in System.Events means the caller has the wrong pallet indices. */
    static void skip(int index, ScaleReader r) {
        throw new ScaleException("Timestamp has no events (got index " + index + ")");
    }
}
