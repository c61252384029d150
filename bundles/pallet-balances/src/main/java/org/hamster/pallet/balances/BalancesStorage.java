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

    /**
     * {@code Locks: Blake2_128Concat(AccountId) -> Vec<BalanceLock{id: [u8; 8], amount: u128, reasons: u8}>}: this
     * chain locks nothing, so every account reads the empty default; the item exists so Substrate tools that read
     * an account's locks (polkadot.js' balance derives) find it. Entries are raw 25-byte locks.
     */
    public static final StorageMap<AccountId, java.util.List<byte[]>> LOCKS = new StorageMap<>(PALLET, "Locks",
            org.hamster.chain.spi.Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, Codecs.vec(Codecs.fixed(25)));
    /**
     * {@code Reserves: Blake2_128Concat(AccountId) -> Vec<ReserveData{id: [u8; 8], amount: u128}>}: named reserves,
     * none on this chain (reserves are unnamed, in AccountData.reserved); empty for every account, as Locks.
     */
    public static final StorageMap<AccountId, java.util.List<byte[]>> RESERVES = new StorageMap<>(PALLET, "Reserves",
            org.hamster.chain.spi.Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, Codecs.vec(Codecs.fixed(24)));

    private BalancesStorage() {
    }
}
