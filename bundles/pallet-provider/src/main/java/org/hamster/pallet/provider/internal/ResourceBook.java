package org.hamster.pallet.provider.internal;

import org.hamster.chain.support.Checked;
import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.ProviderStorage.ListingExpiry;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceStatus;

/** Reads and writes of resources with their owner index, count and end-of-listing schedule kept in step. */
final class ResourceBook {
    private static final byte[] UNIT = new byte[0];
    private final ProviderConfig cfg;

    ResourceBook(ProviderConfig cfg) {
        this.cfg = cfg;
    }

    ProviderConfig config() {
        return cfg;
    }

    Resource get(State s, long id) throws DispatchException {
        Resource r = ProviderStorage.RESOURCES.get(s, id);
        if (r == null) {
            throw new DispatchException(ProviderError.ResourceNotFound);
        }
        return r;
    }

    Resource owned(State s, long id, AccountId who) throws DispatchException {
        Resource r = get(s, id);
        if (!r.owner().equals(who)) {
            throw new DispatchException(ProviderError.NotOwner);
        }
        return r;
    }

    /** The first slot that starts at or after {@code time}: a task keyed there runs no earlier than time. */
    long slotOf(long time) {
        long q = Math.floorDiv(time, cfg.slotMs());
        return Math.floorMod(time, cfg.slotMs()) == 0 ? q : q + 1;
    }

    long currentSlot(long now) {
        return Math.floorDiv(now, cfg.slotMs());
    }

    void insert(State s, Resource r) throws DispatchException {
        List<Long> owned = new ArrayList<>(ProviderStorage.PROVIDER_RESOURCES.getOr(s, r.owner(), List.of()));
        owned.add(r.id());
        ProviderStorage.PROVIDER_RESOURCES.put(s, r.owner(), owned);
        ProviderStorage.RESOURCES.put(s, r.id(), r);
        ProviderStorage.RESOURCE_COUNT.put(s, Checked.add(ProviderStorage.RESOURCE_COUNT.getOr(s, 0L), 1));
        schedule(s, r);
    }

    void schedule(State s, Resource r) {
        ProviderStorage.LISTING_EXPIRIES.put(s, new ListingExpiry(slotOf(r.endOfRent()), r.id()), UNIT);
    }

    void unschedule(State s, Resource r) {
        ProviderStorage.LISTING_EXPIRIES.remove(s, new ListingExpiry(slotOf(r.endOfRent()), r.id()));
    }

    /** Deletes the resource with its index entry and schedule entry. */
    void remove(State s, Resource r) {
        ProviderStorage.RESOURCES.remove(s, r.id());
        unschedule(s, r);
        List<Long> owned = new ArrayList<>(ProviderStorage.PROVIDER_RESOURCES.getOr(s, r.owner(), List.of()));
        owned.remove(Long.valueOf(r.id()));
        if (owned.isEmpty()) {
            ProviderStorage.PROVIDER_RESOURCES.remove(s, r.owner());
        } else {
            ProviderStorage.PROVIDER_RESOURCES.put(s, r.owner(), owned);
        }
        ProviderStorage.RESOURCE_COUNT.put(s, Math.max(0, ProviderStorage.RESOURCE_COUNT.getOr(s, 0L) - 1));
    }

    /** The listing ended: removes it with a ResourceExpired event. */
    void expire(RuntimeContext ctx, Resource r) {
        remove(ctx.state(), r);
        ctx.deposit(new ProviderEvent.ResourceExpired(r.id(), r.owner()));
    }

    void setStatus(RuntimeContext ctx, Resource r, ResourceStatus status) {
        ProviderStorage.RESOURCES.put(ctx.state(), r.id(), r.withStatus(status));
        ctx.deposit(new ProviderEvent.ResourceStatusChanged(r.id(), status));
    }
}
