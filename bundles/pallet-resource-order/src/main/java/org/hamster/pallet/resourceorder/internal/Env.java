package org.hamster.pallet.resourceorder.internal;

import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.pallet.balances.Currency;
import org.hamster.pallet.provider.Resources;

/** What one call or hook works with: the block, the pallets it needs, the constants and the schedule. */
record Env(RuntimeContext ctx, Currency currency, Resources resources, OrderConfig cfg, TaskSchedule schedule) {
    /** The pallets this one needs, or an Other error naming the missing one. */
    static Env of(RuntimeContext ctx, OrderConfig cfg, TaskSchedule schedule) throws DispatchException {
        Currency c = ctx.service(Currency.class).orElseThrow(() -> new DispatchException(
                DispatchError.other("ResourceOrder needs the Balances pallet (Currency)")));
        Resources r = ctx.service(Resources.class).orElseThrow(() -> new DispatchException(
                DispatchError.other("ResourceOrder needs the Provider pallet (Resources)")));
        return new Env(ctx, c, r, cfg, schedule);
    }

    State state() {
        return ctx.state();
    }

    long now() {
        return ctx.now();
    }

    long hourMs() {
        return resources.hourMs();
    }
}
