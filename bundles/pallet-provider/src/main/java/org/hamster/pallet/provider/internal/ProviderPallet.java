package org.hamster.pallet.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.codec.ScaleReader;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.Resources;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Provider pallet: providers list machines (calls in {@link ProviderCall}), the market moves them through
 * their statuses ({@link Resources}), and listings end at their end of rent (on_initialize, bounded per block).
 * Constants are documented in the package org.hamster.pallet.provider.
 */
@Component(service = Pallet.class, property = "pallet.name=Provider")
public class ProviderPallet implements Pallet, Resources {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderPallet.class);
    private volatile Parts parts = new Parts(ProviderConfig.DEFAULT);

    /** Everything built from one set of constants. */
    private record Parts(ProviderConfig cfg, ResourceBook book, ProviderLogic logic, ResourceLeases leases,
            ListingExpiries expiries) {
        Parts(ProviderConfig cfg) {
            this(cfg, new ResourceBook(cfg));
        }

        Parts(ProviderConfig cfg, ResourceBook book) {
            this(cfg, book, new ProviderLogic(book), new ResourceLeases(book), new ListingExpiries(book));
        }
    }

    @Override
    public String name() {
        return ProviderStorage.PALLET;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void configure(JsonNode constants) {
        ProviderConfig cfg = ProviderConfig.parse(constants);
        parts = new Parts(cfg);
        LOG.debug("Provider constants {}", cfg);
    }

    ProviderConfig config() {
        return parts.cfg();
    }

    @Override
    public PalletMeta metadata() {
        return ProviderMetadata.of(parts.cfg());
    }

    /** Schedule entries that failed unexpectedly (logged and dropped); zero in a healthy chain. */
    long scheduleFailures() {
        return parts.expiries().failures();
    }

    @Override
    public Call decodeCall(int callIndex, ScaleReader args, CallDecoder calls) {
        return ProviderCall.decode(callIndex, args);
    }

    @Override
    public void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException {
        AccountId who = origin.ensureSigned();
        ProviderLogic logic = parts.logic();
        if (call instanceof ProviderCall.RegisterResource c) {
            logic.register(ctx, who, c);
        } else if (call instanceof ProviderCall.ModifyResourcePrice c) {
            logic.modifyPrice(ctx, who, c.resource(), c.pricePerHour());
        } else if (call instanceof ProviderCall.AddResourceDuration c) {
            logic.addDuration(ctx, who, c.resource(), c.hours());
        } else if (call instanceof ProviderCall.RemoveResource c) {
            logic.remove(ctx, who, c.resource());
        } else if (call instanceof ProviderCall.Relist c) {
            logic.relist(ctx, who, c.resource());
        } else if (call instanceof ProviderCall.Offline c) {
            logic.offline(ctx, who, c.resource());
        } else {
            throw new IllegalArgumentException("not a Provider call: " + call);
        }
    }

    @Override
    public void skipEventFields(int eventIndex, ScaleReader r) {
        ProviderEvent.decode(eventIndex, r);
    }

    @Override
    public void onInitialize(RuntimeContext ctx) {
        parts.expiries().process(ctx);
    }

    @Override
    public long hourMs() {
        return parts.cfg().hourMs();
    }

    @Override
    public Resource resource(State s, long id) {
        return ProviderStorage.RESOURCES.get(s, id);
    }

    @Override
    public ProviderStatistics statistics(State s, AccountId provider) {
        return ResourceLeases.statistics(s, provider);
    }

    @Override
    public void lock(RuntimeContext ctx, long id, long hours) throws DispatchException {
        parts.leases().lock(ctx, id, hours);
    }

    @Override
    public void ensureRentableUntil(State s, long id, long end) throws DispatchException {
        parts.leases().ensureRentableUntil(s, id, end);
    }

    @Override
    public void markInUse(RuntimeContext ctx, long id) throws DispatchException {
        parts.leases().markInUse(ctx, id);
    }

    @Override
    public void release(RuntimeContext ctx, long id) {
        parts.leases().release(ctx, id);
    }

    @Override
    public void markOffline(RuntimeContext ctx, AccountId provider, long id) {
        parts.leases().markOffline(ctx, provider, id);
    }

    @Override
    public void recordRental(RuntimeContext ctx, AccountId provider, long hours, boolean newLease) {
        parts.leases().recordRental(ctx, provider, hours, newLease);
    }
}
