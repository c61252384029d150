package org.hamster.pallet.resourceorder;

import org.hamster.chain.spi.ModuleError;

/**
 * ResourceOrder errors, in variant order. Resource checks fail with Provider errors (ResourceNotFound,
 * ResourceNotUnused, ResourceNotLocked, ExceedsRentableTime, ResourceExpired) and payments with Balances errors.
 */
public enum ResourceOrderError implements ModuleError {
    /** An amount of 0. */
    ZeroAmount,
    /** The account has no pledge. */
    NoPledge,
    /** The free (unlocked) pledge is below the amount. */
    InsufficientFreePledge,
    /** Hours must be at least 1. */
    InvalidHours,
    /** Not a single-line OpenSSH public key of a supported type, or longer than maxSshKeyLength. */
    InvalidSshKey,
    /** A provider cannot rent its own resource. */
    OwnResource,
    OrderNotFound,
    /** Only the order's tenant may do this. */
    NotOrderTenant,
    /** The order is no longer Pending. */
    OrderNotPending,
    /** The order waited longer than orderTimeout; it is being refunded. */
    OrderExpired,
    /** Only the resource's owner may execute the order. */
    NotResourceOwner,
    AgreementNotFound,
    /** Only the agreement's tenant may do this. */
    NotAgreementTenant,
    /** Only the agreement's provider may do this. */
    NotAgreementProvider,
    /** The agreement is not running (finished, punished, or past its end). */
    AgreementNotActive,
    /** The heartbeat deadline has passed; the agreement is being punished. */
    HeartbeatMissed,
    /** No settled rent is left to withdraw. */
    NothingToWithdraw,
    /** The account has no refund to claim. */
    NoRefund;

    @Override
    public String pallet() {
        return ResourceOrderStorage.PALLET;
    }

    @Override
    public int index() {
        return ordinal();
    }
}
