package org.hamster.chain.spi;

import com.fasterxml.jackson.databind.JsonNode;
import org.hamster.codec.ScaleReader;

/**
 * A runtime module. Pallet bundles register one as an OSGi service with property {@code pallet.name}; the chain
 * spec assigns its index. Calls run inside a storage transaction the runtime rolls back when they throw.
 */
public interface Pallet {
    /** Name as in the chain spec and metadata, e.g. "Balances". */
    String name();

    /** Logic/storage version; part of the runtime's spec_version. */
    int version();

    /** Applies chain-spec constants; throws IllegalArgumentException with a clear message for bad values. */
    default void configure(JsonNode constants) {
    }

    /**
     * Decodes the arguments of call {@code callIndex}; ScaleException for malformed input or unknown index.
     * {@code calls} reads nested runtime calls.
     */
    Call decodeCall(int callIndex, ScaleReader args, CallDecoder calls);

    void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException;

    /** Skips the fields of one of this pallet's events (lets generic code walk System.Events). */
    void skipEventFields(int eventIndex, ScaleReader r);

    default void onInitialize(RuntimeContext ctx) {
    }

    default void onFinalize(RuntimeContext ctx) {
    }

    /**
     * This pallet's calls, events, errors, storage and constants for the runtime's metadata, with the constants as
     * configured ({@link #configure} runs first). Every pallet of a chain must describe itself; null only for test
     * pallets that no chain serves metadata for.
     */
    default org.hamster.chain.spi.meta.PalletMeta metadata() {
        return null;
    }

    /** Writes the genesis state from the chain spec's section for this pallet (may be missing: empty node). */
    default void genesis(RuntimeContext ctx, JsonNode config) {
    }
}
