package org.hamster.pallet.balances;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.StorageValue;
import org.hamster.codec.Codecs;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.SystemStorage;

/**
 * The Balances pallet's storage, at Substrate's keys. Account balances live in System.Account (AccountStore =
 * System, as in the node template); this pallet owns only the total issuance.
 */
public final class BalancesStorage {
    public static final String PALLET = "Balances";
    /** The sum of all balances (u128). */
    public static final StorageValue<BigInteger> TOTAL_ISSUANCE = new StorageValue<>(PALLET, "TotalIssuance",
            Codecs.U128);
    /** Where the balances are: System.Account's AccountInfo.data. */
    public static final StorageMap<AccountId, AccountInfo> ACCOUNT = SystemStorage.ACCOUNT;

    private BalancesStorage() {
    }
}
