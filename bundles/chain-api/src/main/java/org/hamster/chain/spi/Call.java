package org.hamster.chain.spi;

import org.hamster.codec.ScaleWriter;

/** A decoded call of one pallet: its index within the pallet and its SCALE-encoded arguments. */
public interface Call {
    int callIndex();

    void encodeArgs(ScaleWriter w);
}
