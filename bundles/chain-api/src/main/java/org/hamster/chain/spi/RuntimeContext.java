package org.hamster.chain.spi;

import java.util.Optional;

/** What the runtime hands a pallet while it executes a call, a hook or genesis. */
public interface RuntimeContext {
    State state();

    /** Number of the block being built (0 at genesis). */
    long blockNumber();

    /** Timestamp of the block being built, in milliseconds since the epoch (set by the timestamp inherent). */
    long now();

    /** Records an event in System.Events for the current phase. */
    void deposit(PalletEvent event);

    /** Another pallet's trait implementation (e.g. the balances Currency), if that pallet is in the runtime. */
    <T> Optional<T> service(Class<T> type);

    /**
     * The chain-spec index of a pallet of this runtime, by name (e.g. to record a nested call's module error);
     * IllegalStateException if no such pallet is part of it.
     */
    int palletIndex(String pallet);

    /** Dispatches an encoded call (pallet index, call index, args) with the given origin, transactionally. */
    void dispatch(Origin origin, byte[] call) throws DispatchException;
}
