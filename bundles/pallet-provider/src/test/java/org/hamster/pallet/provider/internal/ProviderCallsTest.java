package org.hamster.pallet.provider.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.pallet.provider.internal.ProviderFixture.HOUR;
import static org.hamster.pallet.provider.internal.ProviderFixture.PEER;
import static org.hamster.pallet.provider.internal.ProviderFixture.b;
import static org.hamster.pallet.provider.internal.ProviderFixture.registration;
import static org.hamster.pallet.provider.internal.ProviderFixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.support.SpecValues;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.ProviderStorage.ListingExpiry;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.provider.ResourceStatus;
import org.junit.jupiter.api.Test;

class ProviderCallsTest {
    private final ProviderFixture f = new ProviderFixture();

    private static ProviderCall.RegisterResource reg(Bytes peer, long cpu, long mem, long disk, Bytes system,
            Bytes model, long price, long hours, Bytes gpu, Bytes region) {
        return new ProviderCall.RegisterResource(peer, cpu, mem, disk, system, model, b(price), hours, gpu, region);
    }

    private static ProviderCall.RegisterResource withText(Bytes system, Bytes model, Bytes gpu, Bytes region) {
        return reg(PEER, 4, 8, 100, system, model, 10, 5, gpu, region);
    }

    @Test
    void registerResourceEncodesAsDocumented() {
        ProviderCall.RegisterResource c = registration(b(1000), 24);
        ScaleWriter w = new ScaleWriter().u8(5).u8(0).vecBytes(PEER.unsafeArray()).u64(4).u64(8).u64(100)
                .vecBytes(text("Ubuntu 22.04").unsafeArray()).vecBytes(text("AMD EPYC 7763").unsafeArray())
                .compact(b(1000)).u32(24).u8(1).vecBytes(text("RTX 4090").unsafeArray()).u8(1)
                .vecBytes(text("eu-west").unsafeArray());
        assertArrayEquals(w.toByteArray(), f.h.encodeCall("Provider", c));
        assertArrayEquals(new byte[] {5, 1, 7, 0, 0, 0, 0, 0, 0, 0, 40},
                f.h.encodeCall("Provider", new ProviderCall.ModifyResourcePrice(7, b(10))));
        assertArrayEquals(new byte[] {5, 5, 7, 0, 0, 0, 0, 0, 0, 0},
                f.h.encodeCall("Provider", new ProviderCall.Offline(7)));
        assertEquals(new ProviderCall.Offline(7), f.pallet.decodeCall(5, new ScaleReader(new byte[] {7, 0, 0, 0, 0,
            0, 0, 0}), null));
        assertThrows(ScaleException.class, () -> f.pallet.decodeCall(6, new ScaleReader(new byte[8]), null));
    }

    @Test
    void registerListsTheResourceAndSchedulesItsEnd() throws DispatchException {
        long now = f.h.now();
        long id = f.register(ALICE, 1000, 24);
        Resource r = f.resource(id);
        long end = now + 24 * HOUR;
        assertEquals(new Resource(0, ALICE, PEER, new ResourceConfig(4, 8, 100, text("Ubuntu 22.04"),
                text("AMD EPYC 7763"), text("RTX 4090"), text("eu-west")), b(1000), 24, now, end,
                ResourceStatus.UNUSED), r);
        assertEquals(List.of(0L), ProviderStorage.PROVIDER_RESOURCES.get(f.h.state(), ALICE));
        assertEquals(1L, ProviderStorage.RESOURCE_COUNT.get(f.h.state()));
        assertEquals(1L, ProviderStorage.NEXT_RESOURCE_ID.get(f.h.state()));
        assertTrue(ProviderStorage.LISTING_EXPIRIES.contains(f.h.state(), new ListingExpiry(end / 6000, 0)));
        assertEquals(new ProviderEvent.ResourceRegistered(0, ALICE, PEER, b(1000), end), f.h.lastEvent());
        assertEquals(1, f.register(ALICE, 1000, 1));
        assertEquals(List.of(0L, 1L), ProviderStorage.PROVIDER_RESOURCES.get(f.h.state(), ALICE));
    }

    @Test
    void gpuAndRegionAreOptional() throws DispatchException {
        f.h.dispatch(Origin.signed(ALICE), "Provider", withText(text("Debian"), text("Xeon"), null, null));
        assertNull(f.resource(0).config().gpu());
        assertNull(f.resource(0).config().region());
    }

    @Test
    void everyBoundOfARegistrationIsChecked() {
        Bytes sys = text("Debian");
        Bytes cpu = text("Xeon");
        assertSame(ProviderError.InvalidPeerId, f.fails(ALICE, reg(text("not-a-peer-id"), 4, 8, 1, sys, cpu, 1, 1,
                null, null)));
        assertSame(ProviderError.CpuOutOfRange, f.fails(ALICE, reg(PEER, 0, 8, 1, sys, cpu, 1, 1, null, null)));
        assertSame(ProviderError.CpuOutOfRange, f.fails(ALICE, reg(PEER, 65, 8, 1, sys, cpu, 1, 1, null, null)));
        assertSame(ProviderError.CpuOutOfRange, f.fails(ALICE, reg(PEER, -1, 8, 1, sys, cpu, 1, 1, null, null)));
        assertSame(ProviderError.MemoryOutOfRange, f.fails(ALICE, reg(PEER, 64, 0, 1, sys, cpu, 1, 1, null, null)));
        assertSame(ProviderError.MemoryOutOfRange, f.fails(ALICE, reg(PEER, 64, 257, 1, sys, cpu, 1, 1, null,
                null)));
        assertSame(ProviderError.DiskOutOfRange, f.fails(ALICE, reg(PEER, 64, 256, 0, sys, cpu, 1, 1, null, null)));
        assertSame(ProviderError.DiskOutOfRange, f.fails(ALICE, reg(PEER, 64, 256, 16_385, sys, cpu, 1, 1, null,
                null)));
        assertSame(ProviderError.EmptyText, f.fails(ALICE, withText(text(""), cpu, null, null)));
        assertSame(ProviderError.EmptyText, f.fails(ALICE, withText(sys, text(""), null, null)));
        assertSame(ProviderError.EmptyText, f.fails(ALICE, withText(sys, cpu, text(""), null)));
        assertSame(ProviderError.EmptyText, f.fails(ALICE, withText(sys, cpu, null, text(""))));
        assertSame(ProviderError.InvalidText, f.fails(ALICE, withText(text("x".repeat(129)), cpu, null, null)));
        assertSame(ProviderError.InvalidText, f.fails(ALICE, withText(sys, text("a\nb"), null, null)));
        assertSame(ProviderError.InvalidText, f.fails(ALICE, withText(sys, cpu, Bytes.wrap(new byte[] {(byte) 0xff}),
                null)));
        assertSame(ProviderError.InvalidText, f.fails(ALICE, withText(sys, cpu, null, text("\u001b[31mred"))));
        assertSame(ProviderError.PriceTooLow, f.fails(ALICE, reg(PEER, 4, 8, 1, sys, cpu, 0, 1, null, null)));
        assertSame(ProviderError.HoursOutOfRange, f.fails(ALICE, reg(PEER, 4, 8, 1, sys, cpu, 1, 0, null, null)));
        assertSame(ProviderError.HoursOutOfRange, f.fails(ALICE, reg(PEER, 4, 8, 1, sys, cpu, 1, 101, null,
                null)));
    }

    @Test
    void textAtTheLimitAndUnicodeAreAccepted() throws DispatchException {
        f.h.dispatch(Origin.signed(ALICE), "Provider", withText(text("x".repeat(128)), text("Ryzen™ 9"), null,
                text("Zürich")));
        assertEquals(text("Zürich"), f.resource(0).config().region());
    }

    @Test
    void aProviderListsAtMostMaxResourcesPerProvider() throws DispatchException {
        ProviderFixture small = new ProviderFixture("{\"hourMs\": 60000, \"maxResourcesPerProvider\": 2}");
        small.register(ALICE, 1, 1);
        small.register(ALICE, 1, 1);
        assertSame(ProviderError.TooManyResources, small.fails(ALICE, registration(b(1), 1)));
        small.register(BOB, 1, 1);
        small.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.RemoveResource(0));
        small.register(ALICE, 1, 1);
    }

    @Test
    void aHugeDurationOverflowsCleanly() {
        ProviderFixture big = new ProviderFixture("{\"hourMs\": 9223372036854775807, \"maxRentableHours\": 1}");
        DispatchException e = big.h.assertNoop(Origin.signed(ALICE), "Provider", registration(b(1), 1));
        assertEquals(DispatchError.Kind.ARITHMETIC, e.systemError().kind());
    }

    @Test
    void unsignedCallsAreRefused() {
        assertEquals(DispatchError.Kind.BAD_ORIGIN, f.h.assertNoop(Origin.ROOT, "Provider", registration(b(1), 1))
                .systemError().kind());
    }

    @Test
    void theOwnerChangesThePriceInAnyStatus() throws DispatchException {
        long id = f.register(ALICE, 1000, 24);
        f.pallet.lock(f.h.context(), id, 1);
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.ModifyResourcePrice(id, b(1500)));
        assertEquals(b(1500), f.resource(id).pricePerHour());
        assertEquals(new ProviderEvent.ResourcePriceChanged(id, ALICE, b(1500)), f.h.lastEvent());
        assertSame(ProviderError.NotOwner, f.fails(BOB, new ProviderCall.ModifyResourcePrice(id, b(1))));
        assertSame(ProviderError.ResourceNotFound, f.fails(ALICE, new ProviderCall.ModifyResourcePrice(9, b(1))));
        assertSame(ProviderError.PriceTooLow, f.fails(ALICE, new ProviderCall.ModifyResourcePrice(id, b(0))));
        BigInteger max = SpecValues.U128_MAX;
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.ModifyResourcePrice(id, max));
        assertEquals(max, f.resource(id).pricePerHour());
    }

    @Test
    void addingDurationMovesTheEndAndItsScheduleEntry() throws DispatchException {
        long id = f.register(ALICE, 1000, 24);
        Resource before = f.resource(id);
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.AddResourceDuration(id, 10));
        Resource after = f.resource(id);
        assertEquals(before.endOfRent() + 10 * HOUR, after.endOfRent());
        assertEquals(34, after.rentableHours());
        assertFalse(ProviderStorage.LISTING_EXPIRIES.contains(f.h.state(),
                new ListingExpiry(before.endOfRent() / 6000, id)));
        assertTrue(ProviderStorage.LISTING_EXPIRIES.contains(f.h.state(),
                new ListingExpiry(after.endOfRent() / 6000, id)));
        assertEquals(new ProviderEvent.ResourceDurationAdded(id, ALICE, 10, after.endOfRent()), f.h.lastEvent());
        assertSame(ProviderError.NotOwner, f.fails(BOB, new ProviderCall.AddResourceDuration(id, 1)));
        assertSame(ProviderError.ResourceNotFound, f.fails(ALICE, new ProviderCall.AddResourceDuration(7, 1)));
        assertSame(ProviderError.HoursOutOfRange, f.fails(ALICE, new ProviderCall.AddResourceDuration(id, 0)));
        assertSame(ProviderError.HoursOutOfRange, f.fails(ALICE, new ProviderCall.AddResourceDuration(id, 67)));
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.AddResourceDuration(id, 66));
    }

    @Test
    void removeAcceptsOnlyUnusedAndOfflineResources() throws DispatchException {
        long a = f.register(ALICE, 1000, 24);
        long b = f.register(ALICE, 1000, 24);
        long c = f.register(ALICE, 1000, 24);
        long end = f.resource(a).endOfRent();
        f.pallet.lock(f.h.context(), b, 1);
        assertSame(ProviderError.CannotRemove, f.fails(ALICE, new ProviderCall.RemoveResource(b)));
        f.pallet.markInUse(f.h.context(), b);
        assertSame(ProviderError.CannotRemove, f.fails(ALICE, new ProviderCall.RemoveResource(b)));
        assertSame(ProviderError.NotOwner, f.fails(BOB, new ProviderCall.RemoveResource(a)));
        assertSame(ProviderError.ResourceNotFound, f.fails(ALICE, new ProviderCall.RemoveResource(9)));

        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.RemoveResource(a));
        assertNull(f.resource(a));
        assertEquals(new ProviderEvent.ResourceRemoved(a, ALICE), f.h.lastEvent());
        assertEquals(List.of(b, c), ProviderStorage.PROVIDER_RESOURCES.get(f.h.state(), ALICE));
        assertEquals(2L, ProviderStorage.RESOURCE_COUNT.get(f.h.state()));
        assertFalse(ProviderStorage.LISTING_EXPIRIES.contains(f.h.state(), new ListingExpiry(end / 6000, a)));

        f.pallet.markOffline(f.h.context(), ALICE, b);
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.RemoveResource(b));
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.RemoveResource(c));
        assertNull(ProviderStorage.PROVIDER_RESOURCES.get(f.h.state(), ALICE));
        assertEquals(0L, ProviderStorage.RESOURCE_COUNT.get(f.h.state()));
        assertEquals(3L, ProviderStorage.NEXT_RESOURCE_ID.get(f.h.state()));
    }

    @Test
    void relistBringsAnOfflineResourceBack() throws DispatchException {
        long id = f.register(ALICE, 1000, 2);
        assertSame(ProviderError.NotOffline, f.fails(ALICE, new ProviderCall.Relist(id)));
        f.pallet.lock(f.h.context(), id, 1);
        f.pallet.markInUse(f.h.context(), id);
        f.pallet.markOffline(f.h.context(), ALICE, id);
        assertSame(ProviderError.NotOwner, f.fails(BOB, new ProviderCall.Relist(id)));
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.Relist(id));
        assertEquals(ResourceStatus.UNUSED, f.resource(id).status());
        assertEquals(new ProviderEvent.ResourceRelisted(id, ALICE), f.h.lastEvent());
        assertSame(ProviderError.ResourceNotFound, f.fails(ALICE, new ProviderCall.Relist(5)));
    }

    @Test
    void theOwnerTakesAnUnusedResourceOfflineAndRelistsIt() throws DispatchException {
        long id = f.register(ALICE, 1000, 2);
        assertSame(ProviderError.NotOwner, f.fails(BOB, new ProviderCall.Offline(id)));
        assertSame(ProviderError.ResourceNotFound, f.fails(ALICE, new ProviderCall.Offline(5)));
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.Offline(id));
        assertEquals(ResourceStatus.OFFLINE, f.resource(id).status());
        assertEquals(new ProviderEvent.ResourceOffline(id, ALICE), f.h.lastEvent());
        assertEquals(0, f.pallet.statistics(f.h.state(), ALICE).faults(), "no fault recorded");
        assertSame(ProviderError.ResourceNotUnused, f.fails(ALICE, new ProviderCall.Offline(id)));
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.Relist(id));
        assertEquals(ResourceStatus.UNUSED, f.resource(id).status());
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.Offline(id));
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.RemoveResource(id));
        assertNull(f.resource(id));
    }

    @Test
    void aResourceATenantHoldsCannotBeTakenOffline() throws DispatchException {
        long id = f.register(ALICE, 1000, 2);
        f.pallet.lock(f.h.context(), id, 1);
        assertSame(ProviderError.ResourceNotUnused, f.fails(ALICE, new ProviderCall.Offline(id)));
        f.pallet.markInUse(f.h.context(), id);
        assertSame(ProviderError.ResourceNotUnused, f.fails(ALICE, new ProviderCall.Offline(id)));
        assertEquals(ResourceStatus.INUSE, f.resource(id).status());
    }

    @Test
    void anOfflineResourcePastItsEndCannotBeRelisted() throws DispatchException {
        long id = f.register(ALICE, 1000, 2);
        Resource r = f.resource(id);
        // as if the end-of-listing entry were still waiting in a backlog
        ProviderStorage.LISTING_EXPIRIES.remove(f.h.state(), new ListingExpiry(r.endOfRent() / 6000, id));
        ProviderStorage.RESOURCES.put(f.h.state(), id, r.withStatus(ResourceStatus.OFFLINE));
        f.advanceTo(r.endOfRent());
        assertSame(ProviderError.ResourceExpired, f.fails(ALICE, new ProviderCall.Relist(id)));
    }

    @Test
    void eventsDecodeBackToThemselves() {
        List<ProviderEvent> all = List.of(new ProviderEvent.ResourceRegistered(1, ALICE, PEER, b(5), 9),
                new ProviderEvent.ResourcePriceChanged(1, ALICE, b(7)),
                new ProviderEvent.ResourceDurationAdded(1, ALICE, 3, 99), new ProviderEvent.ResourceRemoved(1, BOB),
                new ProviderEvent.ResourceRelisted(2, ALICE),
                new ProviderEvent.ResourceStatusChanged(3, ResourceStatus.OFFLINE),
                new ProviderEvent.ResourceExpired(4, BOB), new ProviderEvent.ResourceOffline(5, ALICE));
        for (ProviderEvent e : all) {
            ScaleWriter w = new ScaleWriter();
            e.encodeFields(w);
            ScaleReader r = new ScaleReader(w.toByteArray());
            assertEquals(e, ProviderEvent.decode(e.eventIndex(), r));
            r.expectEnd();
        }
        assertThrows(ScaleException.class, () -> f.pallet.skipEventFields(8, new ScaleReader(new byte[0])));
    }
}
