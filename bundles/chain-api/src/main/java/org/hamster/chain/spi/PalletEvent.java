package org.hamster.chain.spi;

import org.hamster.codec.ScaleWriter;

/** An event a pallet deposits; {@code pallet()} is the pallet name of the chain spec (e.g. "Balances"). */
public interface PalletEvent {
    String pallet();

    int eventIndex();

    void encodeFields(ScaleWriter w);
}
