package org.hamster.metadata;

import java.util.Objects;
import org.hamster.chain.spi.meta.PalletMeta;

/** A pallet's description at its place in the runtime: chain-spec index and name. */
public record IndexedPallet(int index, String name, PalletMeta meta) {
    public IndexedPallet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meta, () -> "pallet " + name + " has no metadata");
        if (index < 0 || index > 255) {
            throw new IllegalArgumentException("pallet " + name + ": index " + index + " out of 0..255");
        }
    }
}
