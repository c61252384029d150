package org.hamster.pallet.balances;

/** frame_support BalanceStatus: where repatriated funds land in the beneficiary's account. */
public enum BalanceStatus {
    FREE, RESERVED
}
