package org.hamster.pallet.balances;

import org.hamster.chain.spi.ModuleError;

/** pallet_balances errors, in variant order (the index is what DispatchError::Module carries). */
public enum BalancesError implements ModuleError {
    /** Vesting balance too high to send value. */
    VestingBalance,
    /** Frozen funds prevent the withdrawal. */
    LiquidityRestrictions,
    /** Balance too low to send value. */
    InsufficientBalance,
    /** Value too low to create an account (below the existential deposit). */
    ExistentialDeposit,
    /** The transfer or payment would kill the account. */
    Expendability,
    ExistingVestingSchedule,
    /** The beneficiary account must already exist. */
    DeadAccount,
    TooManyReserves,
    TooManyHolds,
    TooManyFreezes,
    IssuanceDeactivated,
    DeltaZero;

    @Override
    public String pallet() {
        return BalancesStorage.PALLET;
    }

    @Override
    public int index() {
        return ordinal();
    }
}
