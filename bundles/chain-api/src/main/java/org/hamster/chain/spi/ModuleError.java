package org.hamster.chain.spi;

/** A pallet's error enum implements this; the index is the variant index encoded in DispatchError::Module. */
public interface ModuleError {
    String pallet();

    int index();

    String name();
}
