package org.hamster.pallet.resourceorder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.codec.ScaleReader;
import org.hamster.pallet.balances.Currency;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ScheduledTask;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ResourceOrder pallet: pledges, orders with escrowed payment, rental agreements with pro-rata settlement,
 * and the schedule that times out orders, ends leases and punishes missed heartbeats (on_initialize, at most
 * maxScheduledPerBlock tasks per block). Needs the Balances (Currency) and Provider (Resources) pallets. Constants
 * are documented in the package org.hamster.pallet.resourceorder.
 */
@Component(service = Pallet.class, property = "pallet.name=ResourceOrder")
public class ResourceOrderPallet implements Pallet {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceOrderPallet.class);
    private volatile OrderConfig cfg = OrderConfig.DEFAULT;
    private volatile TaskSchedule schedule = new TaskSchedule(OrderConfig.DEFAULT);
    private long failures;

    @Override
    public String name() {
        return ResourceOrderStorage.PALLET;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void configure(JsonNode constants) {
        OrderConfig c = OrderConfig.parse(constants);
        cfg = c;
        schedule = new TaskSchedule(c);
        LOG.debug("ResourceOrder constants {}", c);
    }

    OrderConfig config() {
        return cfg;
    }

    @Override
    public PalletMeta metadata() {
        return OrderMetadata.of(cfg);
    }

    TaskSchedule schedule() {
        return schedule;
    }

    /** Scheduled tasks that failed unexpectedly (logged and dropped); zero in a healthy chain. */
    long scheduleFailures() {
        return failures;
    }

    /** Endows the escrow account with the existential deposit so that paying out what it owes never reaps it. */
    @Override
    public void genesis(RuntimeContext ctx, JsonNode config) {
        Currency currency = ctx.service(Currency.class).orElseThrow(
                () -> new IllegalStateException("ResourceOrder needs the Balances pallet"));
        try {
            endowEscrow(ctx, currency);
        } catch (DispatchException e) {
            throw new IllegalStateException("cannot endow the ResourceOrder escrow account: " + e.getMessage(), e);
        }
    }

    /**
     * Mints what the escrow lacks of the existential deposit: at genesis, or once on the first block of a chain
     * that gained this pallet later. Afterwards payments out keep it alive, so this never mints again.
     */
    private static boolean endowEscrow(RuntimeContext ctx, Currency currency) throws DispatchException {
        BigInteger have = currency.totalBalance(ctx.state(), Escrow.ACCOUNT);
        BigInteger ed = currency.existentialDeposit();
        if (have.compareTo(ed) >= 0) {
            return false;
        }
        currency.deposit(ctx, Escrow.ACCOUNT, ed.subtract(have));
        return true;
    }

    @Override
    public Call decodeCall(int callIndex, ScaleReader args, CallDecoder calls) {
        return ResourceOrderCall.decode(callIndex, args);
    }

    @Override
    public void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException {
        AccountId who = origin.ensureSigned();
        Env e = Env.of(ctx, cfg, schedule);
        if (call instanceof ResourceOrderCall.Pledge c) {
            PledgeBook.pledge(e, who, c.amount());
        } else if (call instanceof ResourceOrderCall.WithdrawPledge c) {
            PledgeBook.withdraw(e, who, c.amount());
        } else if (call instanceof ResourceOrderCall.CreateOrder c) {
            Orders.create(e, who, c.resource(), c.hours(), c.sshPublicKey());
        } else if (call instanceof ResourceOrderCall.CancelOrder c) {
            Orders.cancel(e, who, c.order());
        } else if (call instanceof ResourceOrderCall.ExecOrder c) {
            Agreements.exec(e, who, c.order());
        } else if (call instanceof ResourceOrderCall.Renew c) {
            Orders.renew(e, who, c.agreement(), c.hours());
        } else if (call instanceof ResourceOrderCall.Heartbeat c) {
            Agreements.heartbeat(e, who, c.agreement());
        } else if (call instanceof ResourceOrderCall.WithdrawRent c) {
            Agreements.withdrawRent(e, who, c.agreement());
        } else if (call instanceof ResourceOrderCall.ClaimRefund) {
            Agreements.claimRefund(e, who);
        } else {
            throw new IllegalArgumentException("not a ResourceOrder call: " + call);
        }
    }

    @Override
    public void skipEventFields(int eventIndex, ScaleReader r) {
        ResourceOrderEvent.decode(eventIndex, r);
    }

    /** Runs the due tasks, earliest first, at most maxScheduledPerBlock; the rest wait for the next block. */
    @Override
    public void onInitialize(RuntimeContext ctx) {
        Env e;
        try {
            e = Env.of(ctx, cfg, schedule);
        } catch (DispatchException ex) {
            LOG.error("ResourceOrder schedule not run: {}", ex.getMessage());
            return;
        }
        try {
            if (endowEscrow(ctx, e.currency())) {
                LOG.warn("ResourceOrder escrow account {} lacked the existential deposit; endowed", Escrow.ACCOUNT);
            }
        } catch (DispatchException ex) {
            LOG.error("ResourceOrder escrow account cannot be endowed: {}", ex.getMessage());
        }
        for (ScheduledTask t : e.schedule().takeDue(ctx.state(), ctx.now())) {
            try {
                run(e, t);
            } catch (RuntimeException ex) {
                failures++;
                LOG.error("Scheduled {} failed at block #{}; dropped", t, ctx.blockNumber(), ex);
            }
        }
    }

    private static void run(Env e, ScheduledTask t) {
        switch (t.kind()) {
            case ORDER_TIMEOUT -> Orders.timeout(e, t.id());
            case HEALTH_CHECK -> LeaseEnds.healthCheck(e, t.id());
            case AGREEMENT_END -> LeaseEnds.end(e, t.id());
            case PURGE_ORDER -> Orders.purge(e, t.id());
            case PURGE_AGREEMENT -> LeaseEnds.purge(e, t.id());
            default -> throw new IllegalStateException("unknown task " + t);
        }
    }
}
