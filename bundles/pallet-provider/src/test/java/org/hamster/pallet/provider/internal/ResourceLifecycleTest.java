package org.hamster.pallet.provider.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.pallet.provider.internal.ProviderFixture.HOUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NavigableMap;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.common.Bytes;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.ProviderStorage.ListingExpiry;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.provider.Resources;
import org.junit.jupiter.api.Test;

/** The statuses the market drives through {@link Resources}, and the end-of-listing schedule. */
class ResourceLifecycleTest {
    private final ProviderFixture f = new ProviderFixture();
    private final Resources resources = f.pallet;

    private ProviderError failure(ThrowingCall call) {
        NavigableMap<Bytes, Bytes> before = f.h.snapshot();
        int events = f.h.events().size();
        DispatchException e = assertThrows(DispatchException.class, call::run);
        assertEquals(before, f.h.snapshot(), "a failed Resources call wrote state");
        assertEquals(events, f.h.events().size());
        return (ProviderError) e.moduleError();
    }

    private interface ThrowingCall {
        void run() throws DispatchException;
    }

    private List<PalletEvent> providerEvents() {
        return f.h.events().stream().filter(e -> e instanceof ProviderEvent).toList();
    }

    @Test
    void theServiceIsThePallet() {
        assertSame(f.pallet, f.h.service(Resources.class));
        assertEquals(HOUR, resources.hourMs());
    }

    @Test
    void aLeaseMovesTheResourceThroughItsStatuses() throws DispatchException {
        long id = f.register(ALICE, 100, 10);
        resources.lock(f.h.context(), id, 2);
        assertEquals(ResourceStatus.LOCKED, f.resource(id).status());
        assertEquals(new ProviderEvent.ResourceStatusChanged(id, ResourceStatus.LOCKED), f.h.lastEvent());
        resources.markInUse(f.h.context(), id);
        assertEquals(ResourceStatus.INUSE, f.resource(id).status());
        resources.recordRental(f.h.context(), ALICE, 2, true);
        resources.recordRental(f.h.context(), ALICE, 3, false);
        assertEquals(new ProviderStatistics(1, 5, 0, 0), resources.statistics(f.h.state(), ALICE));
        resources.release(f.h.context(), id);
        assertEquals(ResourceStatus.UNUSED, f.resource(id).status());
        assertEquals(new ProviderEvent.ResourceStatusChanged(id, ResourceStatus.UNUSED), f.h.lastEvent());
        resources.lock(f.h.context(), id, 1);
        resources.release(f.h.context(), id);
        assertEquals(ResourceStatus.UNUSED, f.resource(id).status());
    }

    @Test
    void lockChecksStatusAndRentableTime() throws DispatchException {
        long id = f.register(ALICE, 100, 10);
        assertSame(ProviderError.ResourceNotFound, failure(() -> resources.lock(f.h.context(), 9, 1)));
        assertSame(ProviderError.ExceedsRentableTime, failure(() -> resources.lock(f.h.context(), id, 11)));
        assertSame(ProviderError.ResourceNotLocked, failure(() -> resources.markInUse(f.h.context(), id)));
        resources.lock(f.h.context(), id, 10);
        assertSame(ProviderError.ResourceNotUnused, failure(() -> resources.lock(f.h.context(), id, 1)));
        assertSame(ProviderError.ResourceNotFound, failure(() -> resources.markInUse(f.h.context(), 9)));
        long end = f.resource(id).endOfRent();
        resources.ensureRentableUntil(f.h.state(), id, end);
        assertSame(ProviderError.ExceedsRentableTime,
                failure(() -> resources.ensureRentableUntil(f.h.state(), id, end + 1)));
        assertSame(ProviderError.ResourceNotFound,
                failure(() -> resources.ensureRentableUntil(f.h.state(), 9, end)));
    }

    @Test
    void anUnusedResourcePastItsEndCannotBeLocked() throws DispatchException {
        long id = f.register(ALICE, 100, 1);
        Resource r = f.resource(id);
        ProviderStorage.LISTING_EXPIRIES.remove(f.h.state(), new ListingExpiry(r.endOfRent() / 6000, id));
        f.advanceTo(r.endOfRent());
        assertSame(ProviderError.ResourceExpired, failure(() -> resources.lock(f.h.context(), id, 1)));
    }

    @Test
    void aFaultTakesTheResourceOfflineAndCountsAgainstTheProvider() throws DispatchException {
        long id = f.register(ALICE, 100, 10);
        resources.lock(f.h.context(), id, 1);
        resources.markInUse(f.h.context(), id);
        resources.markOffline(f.h.context(), ALICE, id);
        assertEquals(ResourceStatus.OFFLINE, f.resource(id).status());
        assertEquals(new ProviderStatistics(0, 0, 1, f.h.now()), resources.statistics(f.h.state(), ALICE));
        resources.markOffline(f.h.context(), BOB, 42);
        assertEquals(1, resources.statistics(f.h.state(), BOB).faults());
        resources.release(f.h.context(), 42);
        resources.release(f.h.context(), id);
        assertEquals(ResourceStatus.OFFLINE, f.resource(id).status(), "release leaves an Offline resource alone");
    }

    @Test
    void aResourceItsOwnerTookOfflineCannotBeOrderedAndEndsWithItsListing() throws DispatchException {
        long id = f.register(ALICE, 100, 1);
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.Offline(id));
        assertSame(ProviderError.ResourceNotUnused, failure(() -> resources.lock(f.h.context(), id, 1)));
        assertEquals(ProviderStatistics.EMPTY, resources.statistics(f.h.state(), ALICE));
        f.advanceTo(f.resource(id).endOfRent());
        assertNull(f.resource(id));
        assertEquals(new ProviderEvent.ResourceExpired(id, ALICE), f.h.lastEvent());
    }

    @Test
    void anUnusedListingIsRemovedAtItsEndOfRent() throws DispatchException {
        long id = f.register(ALICE, 100, 1);
        long end = f.resource(id).endOfRent();
        f.advanceTo(end - 6000);
        assertNotNull(f.resource(id));
        f.advanceTo(end);
        assertNull(f.resource(id));
        assertEquals(List.of(new ProviderEvent.ResourceExpired(id, ALICE)), providerEvents());
        assertNull(ProviderStorage.PROVIDER_RESOURCES.get(f.h.state(), ALICE));
        assertEquals(0L, ProviderStorage.RESOURCE_COUNT.get(f.h.state()));
        assertTrue(ProviderStorage.LISTING_EXPIRIES.page(f.h.state(), null, 10).isEmpty());
    }

    @Test
    void anOfflineListingIsRemovedAtItsEnd() throws DispatchException {
        long id = f.register(ALICE, 100, 1);
        resources.lock(f.h.context(), id, 1);
        resources.markOffline(f.h.context(), ALICE, id);
        f.advanceTo(f.resource(id).endOfRent());
        assertNull(f.resource(id));
    }

    @Test
    void aListingUnderATenantStaysUntilTheLeaseEnds() throws DispatchException {
        long locked = f.register(ALICE, 100, 1);
        long inUse = f.register(ALICE, 100, 1);
        long end = f.resource(locked).endOfRent();
        resources.lock(f.h.context(), locked, 1);
        resources.lock(f.h.context(), inUse, 1);
        resources.markInUse(f.h.context(), inUse);
        f.advanceTo(end + 3 * 6000);
        assertEquals(ResourceStatus.LOCKED, f.resource(locked).status());
        assertEquals(ResourceStatus.INUSE, f.resource(inUse).status());
        assertSame(ProviderError.CannotRemove, f.fails(ALICE, new ProviderCall.RemoveResource(inUse)));
        resources.release(f.h.context(), inUse);
        assertNull(f.resource(inUse));
        assertEquals(new ProviderEvent.ResourceExpired(inUse, ALICE), f.h.lastEvent());
        resources.markOffline(f.h.context(), ALICE, locked);
        assertNull(f.resource(locked));
        assertEquals(0L, ProviderStorage.RESOURCE_COUNT.get(f.h.state()));
    }

    @Test
    void anExtendedListingOutlivesItsOldEnd() throws DispatchException {
        long id = f.register(ALICE, 100, 1);
        long end = f.resource(id).endOfRent();
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.AddResourceDuration(id, 1));
        // a stale entry at the old end (as a changed slotMs could leave) is moved, not obeyed
        ProviderStorage.LISTING_EXPIRIES.put(f.h.state(), new ListingExpiry(end / 6000, id), new byte[0]);
        f.advanceTo(end + 6000);
        assertNotNull(f.resource(id));
        assertTrue(ProviderStorage.LISTING_EXPIRIES.contains(f.h.state(),
                new ListingExpiry((end + HOUR) / 6000, id)));
        f.advanceTo(end + HOUR);
        assertNull(f.resource(id));
    }

    @Test
    void aScheduledResourceThatIsGoneIsSkipped() throws DispatchException {
        ProviderStorage.LISTING_EXPIRIES.put(f.h.state(), new ListingExpiry(2, 77), new byte[0]);
        f.h.nextBlock();
        f.h.nextBlock();
        assertTrue(ProviderStorage.LISTING_EXPIRIES.page(f.h.state(), null, 10).isEmpty());
        assertEquals(0, f.pallet.scheduleFailures());
    }

    @Test
    void endsOfManyListingsInOneSlotAreSpreadOverBlocks() throws DispatchException {
        ProviderFixture bounded = new ProviderFixture("{\"hourMs\": 60000, \"maxScheduledPerBlock\": 2}");
        for (int i = 0; i < 5; i++) {
            bounded.register(ALICE, 100, 1);
        }
        long end = bounded.resource(0).endOfRent();
        bounded.advanceTo(end);
        assertEquals(2, bounded.h.events().size());
        bounded.h.nextBlock();
        assertEquals(2, bounded.h.events().size());
        bounded.h.nextBlock();
        assertEquals(List.of(new ProviderEvent.ResourceExpired(4, ALICE)), bounded.h.events());
        assertEquals(0L, ProviderStorage.RESOURCE_COUNT.get(bounded.h.state()));
    }
}
