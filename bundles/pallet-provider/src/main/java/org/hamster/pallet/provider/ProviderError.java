package org.hamster.pallet.provider;

import org.hamster.chain.spi.ModuleError;

/** Provider pallet errors, in variant order (the index is what DispatchError::Module carries). */
public enum ProviderError implements ModuleError {
    /** The peer id is not a base58btc libp2p peer id (sha2-256 or identity multihash) of at most maxPeerIdLength. */
    InvalidPeerId,
    /** cpu is 0 or above maxCpu. */
    CpuOutOfRange,
    /** memory is 0 or above maxMemoryGiB. */
    MemoryOutOfRange,
    /** disk is 0 or above maxDiskGiB. */
    DiskOutOfRange,
    /** system or cpu_model is empty, or gpu / region is given but empty. */
    EmptyText,
    /** A text field is longer than maxTextLength bytes or is not UTF-8. */
    InvalidText,
    /** The price per hour is below minPricePerHour. */
    PriceTooLow,
    /** Hours are 0, or the listing would reach further than maxRentableHours from now. */
    HoursOutOfRange,
    /** The owner already lists maxResourcesPerProvider resources. */
    TooManyResources,
    /** No resource with that id. */
    ResourceNotFound,
    /** The caller does not own the resource. */
    NotOwner,
    /** A tenant holds the resource (Locked or Inuse): it cannot be removed now. */
    CannotRemove,
    /** Only an Offline resource can be relisted. */
    NotOffline,
    /** The resource is not Unused: it cannot be ordered, or taken offline by its owner, now. */
    ResourceNotUnused,
    /** The resource is not Locked by a pending order. */
    ResourceNotLocked,
    /** The lease would end after the resource's end of rent. */
    ExceedsRentableTime,
    /** The resource's listing has ended. */
    ResourceExpired;

    @Override
    public String pallet() {
        return ProviderStorage.PALLET;
    }

    @Override
    public int index() {
        return ordinal();
    }
}
