package org.hamster.pallet.system;

import org.hamster.chain.spi.ModuleError;

/** frame_system errors, in variant order. */
public enum SystemError implements ModuleError {
    InvalidSpecName, SpecVersionNeedsToIncrease, FailedToExtractRuntimeVersion, NonDefaultComposite,
    NonZeroRefCount, CallFiltered, MultiBlockMigrationsOngoing, NothingAuthorized, Unauthorized;

    @Override
    public String pallet() {
        return SystemStorage.PALLET;
    }

    @Override
    public int index() {
        return ordinal();
    }
}
