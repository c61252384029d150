package org.hamster.chain.spi;

import org.hamster.codec.ScaleReader;

/** Reads one complete runtime call (pallet index, call index, arguments) for pallets that nest calls (sudo). */
@FunctionalInterface
public interface CallDecoder {
    /** Validates the call and returns its exact encoding; ScaleException if malformed or unknown. */
    byte[] readCall(ScaleReader r);
}
