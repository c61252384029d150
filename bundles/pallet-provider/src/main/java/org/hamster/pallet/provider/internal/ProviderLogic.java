package org.hamster.pallet.provider.internal;

import org.hamster.chain.support.Checked;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.common.Bytes;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.provider.ResourceStatus;

/** The owner's calls: every check before the first write. */
final class ProviderLogic {
    private final ResourceBook book;
    private final ProviderConfig cfg;

    ProviderLogic(ResourceBook book) {
        this.book = book;
        this.cfg = book.config();
    }

    void register(RuntimeContext ctx, AccountId owner, ProviderCall.RegisterResource c) throws DispatchException {
        State s = ctx.state();
        if (!PeerIds.valid(c.peerId().unsafeArray(), cfg.maxPeerIdLength())) {
            throw new DispatchException(ProviderError.InvalidPeerId);
        }
        within(c.cpu(), cfg.maxCpu(), ProviderError.CpuOutOfRange);
        within(c.memoryGiB(), cfg.maxMemoryGiB(), ProviderError.MemoryOutOfRange);
        within(c.diskGiB(), cfg.maxDiskGiB(), ProviderError.DiskOutOfRange);
        text(c.system());
        text(c.cpuModel());
        if (c.gpu() != null) {
            text(c.gpu());
        }
        if (c.region() != null) {
            text(c.region());
        }
        price(c.pricePerHour());
        within(c.rentableHours(), cfg.maxRentableHours(), ProviderError.HoursOutOfRange);
        if (ProviderStorage.PROVIDER_RESOURCES.getOr(s, owner, List.of()).size() >= cfg.maxResourcesPerProvider()) {
            throw new DispatchException(ProviderError.TooManyResources);
        }
        long end = Checked.add(ctx.now(), Checked.mul(c.rentableHours(), cfg.hourMs()));
        long id = ProviderStorage.NEXT_RESOURCE_ID.getOr(s, 0L);
        long next = Checked.add(id, 1);
        Resource r = new Resource(id, owner, c.peerId(), new ResourceConfig(c.cpu(), c.memoryGiB(), c.diskGiB(),
                c.system(), c.cpuModel(), c.gpu(), c.region()), c.pricePerHour(), c.rentableHours(), ctx.now(), end,
                ResourceStatus.UNUSED);
        book.insert(s, r);
        ProviderStorage.NEXT_RESOURCE_ID.put(s, next);
        ctx.deposit(new ProviderEvent.ResourceRegistered(id, owner, c.peerId(), c.pricePerHour(), end));
    }

    /** Any status: a pending order and a running lease keep the price they were made at; renewals pay the new one. */
    void modifyPrice(RuntimeContext ctx, AccountId owner, long id, BigInteger price) throws DispatchException {
        Resource r = book.owned(ctx.state(), id, owner);
        price(price);
        ProviderStorage.RESOURCES.put(ctx.state(), id, r.withPrice(price));
        ctx.deposit(new ProviderEvent.ResourcePriceChanged(id, owner, price));
    }

    /** Any status; the listing may then reach at most maxRentableHours past now. */
    void addDuration(RuntimeContext ctx, AccountId owner, long id, long hours) throws DispatchException {
        State s = ctx.state();
        Resource r = book.owned(s, id, owner);
        if (hours < 1) {
            throw new DispatchException(ProviderError.HoursOutOfRange);
        }
        long end = Checked.add(r.endOfRent(), Checked.mul(hours, cfg.hourMs()));
        if (end - ctx.now() > cfg.maxRentableHours() * cfg.hourMs()) {
            throw new DispatchException(ProviderError.HoursOutOfRange);
        }
        long total = Checked.add(r.rentableHours(), hours);
        if (total > 0xffff_ffffL) {
            throw DispatchException.overflow();
        }
        book.unschedule(s, r);
        Resource extended = r.withDuration(total, end);
        ProviderStorage.RESOURCES.put(s, id, extended);
        book.schedule(s, extended);
        ctx.deposit(new ProviderEvent.ResourceDurationAdded(id, owner, hours, end));
    }

    /** FIX: only Unused or Offline; a resource a tenant holds is never deleted. */
    void remove(RuntimeContext ctx, AccountId owner, long id) throws DispatchException {
        Resource r = book.owned(ctx.state(), id, owner);
        if (r.status().rented()) {
            throw new DispatchException(ProviderError.CannotRemove);
        }
        book.remove(ctx.state(), r);
        ctx.deposit(new ProviderEvent.ResourceRemoved(id, owner));
    }

    void relist(RuntimeContext ctx, AccountId owner, long id) throws DispatchException {
        Resource r = book.owned(ctx.state(), id, owner);
        if (r.status() != ResourceStatus.OFFLINE) {
            throw new DispatchException(ProviderError.NotOffline);
        }
        if (r.expiredAt(ctx.now())) {
            throw new DispatchException(ProviderError.ResourceExpired);
        }
        ProviderStorage.RESOURCES.put(ctx.state(), id, r.withStatus(ResourceStatus.UNUSED));
        ctx.deposit(new ProviderEvent.ResourceRelisted(id, owner));
    }

    /** Only Unused: the owner takes it off the market (no fault recorded); it stays listed until relist or remove. */
    void offline(RuntimeContext ctx, AccountId owner, long id) throws DispatchException {
        Resource r = book.owned(ctx.state(), id, owner);
        if (r.status() != ResourceStatus.UNUSED) {
            throw new DispatchException(ProviderError.ResourceNotUnused);
        }
        ProviderStorage.RESOURCES.put(ctx.state(), id, r.withStatus(ResourceStatus.OFFLINE));
        ctx.deposit(new ProviderEvent.ResourceOffline(id, owner));
    }

    private void price(BigInteger p) throws DispatchException {
        if (p.compareTo(cfg.minPricePerHour()) < 0) {
            throw new DispatchException(ProviderError.PriceTooLow);
        }
    }

    private static void within(long v, long max, ProviderError error) throws DispatchException {
        if (v < 1 || v > max) {
            throw new DispatchException(error);
        }
    }

    /** Non-empty UTF-8 without control characters, at most maxTextLength bytes. */
    private void text(Bytes b) throws DispatchException {
        byte[] raw = b.unsafeArray();
        if (raw.length == 0) {
            throw new DispatchException(ProviderError.EmptyText);
        }
        if (raw.length > cfg.maxTextLength()) {
            throw new DispatchException(ProviderError.InvalidText);
        }
        String t;
        try {
            t = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new DispatchException(ProviderError.InvalidText);
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw new DispatchException(ProviderError.InvalidText);
        }
    }
}
