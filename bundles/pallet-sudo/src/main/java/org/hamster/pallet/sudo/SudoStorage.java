package org.hamster.pallet.sudo;

import org.hamster.chain.AccountId;
import org.hamster.chain.spi.StorageValue;

/** The Sudo pallet's storage, at Substrate's keys. */
public final class SudoStorage {
    public static final String PALLET = "Sudo";
    /** The account allowed to dispatch as root; absent once removed. */
    public static final StorageValue<AccountId> KEY = new StorageValue<>(PALLET, "Key", AccountId.CODEC);

    private SudoStorage() {
    }
}
