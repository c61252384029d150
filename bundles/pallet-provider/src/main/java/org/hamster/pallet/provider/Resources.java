package org.hamster.pallet.provider;

import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The Provider pallet as the market uses it, found with {@code ctx.service(Resources.class)}. It owns every
 * resource status change; the caller owns the money. Methods that throw DispatchException (Provider errors) have
 * written nothing; the ones without it are meant for hooks and never throw for a missing resource (they log).
 */
@ProviderType
public interface Resources {
    /** Milliseconds in one rentable hour (chain-spec constant {@code hourMs} of the Provider pallet). */
    long hourMs();

    /** The resource, or null. */
    Resource resource(State s, long id);

    /** The owner's record (EMPTY if none). */
    ProviderStatistics statistics(State s, AccountId provider);

    /**
     * Unused -> Locked for an order of {@code hours} hours placed now. ResourceNotFound, ResourceNotUnused,
     * ExceedsRentableTime if now + hours would pass the end of rent; overflow as ArithmeticError.
     */
    void lock(RuntimeContext ctx, long id, long hours) throws DispatchException;

    /** ExceedsRentableTime unless a lease ending at {@code end} (ms) fits the listing; ResourceNotFound. */
    void ensureRentableUntil(State s, long id, long end) throws DispatchException;

    /** Locked -> Inuse when the provider executes the order; ResourceNotFound, ResourceNotLocked. */
    void markInUse(RuntimeContext ctx, long id) throws DispatchException;

    /**
     * Locked or Inuse -> Unused when the order is canceled or the lease ends; a listing past its end of rent is
     * removed instead (ResourceExpired). A missing resource is logged and skipped.
     */
    void release(RuntimeContext ctx, long id);

    /**
     * {@code provider} faulted on a lease of resource {@code id}: one more fault on its record, and the resource
     * -> Offline (removed instead if past its end of rent; a missing resource is logged and skipped).
     */
    void markOffline(RuntimeContext ctx, AccountId provider, long id);

    /** Adds a lease ({@code newLease}) or a renewal of {@code hours} hours to the provider's record. */
    void recordRental(RuntimeContext ctx, AccountId provider, long hours, boolean newLease);
}
