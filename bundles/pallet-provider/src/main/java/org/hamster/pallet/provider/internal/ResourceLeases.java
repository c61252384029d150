package org.hamster.pallet.provider.internal;

import org.hamster.chain.support.Checked;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.provider.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The status changes the market drives (the {@link Resources} contract), and the provider records. */
final class ResourceLeases {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceLeases.class);
    private final ResourceBook book;

    ResourceLeases(ResourceBook book) {
        this.book = book;
    }

    void lock(RuntimeContext ctx, long id, long hours) throws DispatchException {
        Resource r = book.get(ctx.state(), id);
        if (r.status() != ResourceStatus.UNUSED) {
            throw new DispatchException(ProviderError.ResourceNotUnused);
        }
        if (r.expiredAt(ctx.now())) {
            throw new DispatchException(ProviderError.ResourceExpired);
        }
        long end = Checked.add(ctx.now(), Checked.mul(hours, book.config().hourMs()));
        if (end > r.endOfRent()) {
            throw new DispatchException(ProviderError.ExceedsRentableTime);
        }
        book.setStatus(ctx, r, ResourceStatus.LOCKED);
    }

    void ensureRentableUntil(State s, long id, long end) throws DispatchException {
        if (end > book.get(s, id).endOfRent()) {
            throw new DispatchException(ProviderError.ExceedsRentableTime);
        }
    }

    void markInUse(RuntimeContext ctx, long id) throws DispatchException {
        Resource r = book.get(ctx.state(), id);
        if (r.status() != ResourceStatus.LOCKED) {
            throw new DispatchException(ProviderError.ResourceNotLocked);
        }
        book.setStatus(ctx, r, ResourceStatus.INUSE);
    }

    void release(RuntimeContext ctx, long id) {
        Resource r = ProviderStorage.RESOURCES.get(ctx.state(), id);
        if (r == null) {
            LOG.warn("Resource {} to release is gone; skipped", id);
        } else if (r.expiredAt(ctx.now())) {
            LOG.info("Resource {} released after its end of rent; listing removed", id);
            book.expire(ctx, r);
        } else if (r.status().rented()) {
            book.setStatus(ctx, r, ResourceStatus.UNUSED);
        } else {
            LOG.warn("Resource {} to release is {}; left as it is", id, r.status());
        }
    }

    void markOffline(RuntimeContext ctx, AccountId provider, long id) {
        State s = ctx.state();
        ProviderStorage.PROVIDER_STATS.put(s, provider, statistics(s, provider).withFault(ctx.now()));
        Resource r = ProviderStorage.RESOURCES.get(s, id);
        if (r == null) {
            LOG.warn("Resource {} of faulty provider {} is gone; fault recorded", id, provider);
        } else if (r.expiredAt(ctx.now())) {
            book.expire(ctx, r);
        } else {
            book.setStatus(ctx, r, ResourceStatus.OFFLINE);
        }
    }

    void recordRental(RuntimeContext ctx, AccountId provider, long hours, boolean newLease) {
        State s = ctx.state();
        ProviderStorage.PROVIDER_STATS.put(s, provider, statistics(s, provider).withRental(newLease, hours));
    }

    static ProviderStatistics statistics(State s, AccountId provider) {
        return ProviderStorage.PROVIDER_STATS.getOr(s, provider, ProviderStatistics.EMPTY);
    }
}
