package org.hamster.pallet.timestamp;

import org.hamster.chain.spi.StorageValue;
import org.hamster.codec.Codecs;

/** The Timestamp pallet's storage items, at Substrate's keys. */
public final class TimestampStorage {
    public static final String PALLET = "Timestamp";
    /** The current block's time in ms since the epoch (u64). */
    public static final StorageValue<Long> NOW = new StorageValue<>(PALLET, "Now", Codecs.U64);
    /** Whether the timestamp was set in the current block; cleared at finalization. */
    public static final StorageValue<Boolean> DID_UPDATE = new StorageValue<>(PALLET, "DidUpdate", Codecs.BOOL);

    private TimestampStorage() {
    }
}
