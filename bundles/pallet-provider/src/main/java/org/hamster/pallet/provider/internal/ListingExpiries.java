package org.hamster.pallet.provider.internal;

import java.util.List;
import java.util.Map;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.ProviderStorage.ListingExpiry;
import org.hamster.pallet.provider.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes listings at their end of rent, at most maxScheduledPerBlock schedule entries per block, earliest first
 * (the schedule's keys sort by slot, so its first key is the cursor and empty slots cost nothing). A listing a
 * tenant holds is left alone: releasing it at the end of the lease removes it. Nothing here throws: a missing
 * resource or a failure is logged and the entry dropped, so block production goes on.
 */
final class ListingExpiries {
    private static final Logger LOG = LoggerFactory.getLogger(ListingExpiries.class);
    private final ResourceBook book;
    private long failures;

    ListingExpiries(ResourceBook book) {
        this.book = book;
    }

    /** Entries that failed unexpectedly since start (logged; for tests and monitoring). */
    long failures() {
        return failures;
    }

    void process(RuntimeContext ctx) {
        State s = ctx.state();
        long current = book.currentSlot(ctx.now());
        List<Map.Entry<ListingExpiry, byte[]>> due = ProviderStorage.LISTING_EXPIRIES.page(s, null,
                book.config().maxScheduledPerBlock());
        for (Map.Entry<ListingExpiry, byte[]> e : due) {
            ListingExpiry key = e.getKey();
            if (key.slot() > current) {
                break;
            }
            ProviderStorage.LISTING_EXPIRIES.remove(s, key);
            try {
                expire(ctx, key);
            } catch (RuntimeException ex) {
                failures++;
                LOG.error("End of listing of resource {} failed; entry dropped", key.resource(), ex);
            }
        }
    }

    private void expire(RuntimeContext ctx, ListingExpiry key) {
        Resource r = ProviderStorage.RESOURCES.get(ctx.state(), key.resource());
        if (r == null) {
            LOG.info("Resource {} scheduled to expire in slot {} is gone; skipped", key.resource(), key.slot());
        } else if (!r.expiredAt(ctx.now())) {
            book.schedule(ctx.state(), r);
        } else if (r.status().rented()) {
            LOG.debug("Resource {} reached its end of rent under a tenant; removed when released", r.id());
        } else {
            book.expire(ctx, r);
        }
    }
}
