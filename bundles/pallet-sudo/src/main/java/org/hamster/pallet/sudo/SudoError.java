package org.hamster.pallet.sudo;

import org.hamster.chain.spi.ModuleError;

/** pallet_sudo errors, in variant order. */
public enum SudoError implements ModuleError {
    /** The sender is not the sudo key. */
    RequireSudo;

    @Override
    public String pallet() {
        return SudoStorage.PALLET;
    }

    @Override
    public int index() {
        return ordinal();
    }
}
