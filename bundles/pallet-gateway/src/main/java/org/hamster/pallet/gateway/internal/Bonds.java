package org.hamster.pallet.gateway.internal;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.pallet.balances.BalanceStatus;
import org.hamster.pallet.balances.Currency;
import org.hamster.pallet.gateway.GatewayError;
import org.hamster.pallet.gateway.GatewayStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway bonds on the balances pallet's reserves: reserved at registration, unreserved on removal except a
 * penalty percentage, which goes to the treasury (or is burnt when the treasury account cannot receive it).
 */
final class Bonds {
    private static final Logger LOG = LoggerFactory.getLogger(Bonds.class);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private Bonds() {
    }

    static Currency currency(RuntimeContext ctx) {
        return ctx.service(Currency.class)
                .orElseThrow(() -> new IllegalStateException("Gateway needs the Balances pallet for its bonds"));
    }

    /** Reserves the bond; InsufficientBond when the account cannot afford it (nothing written then). */
    static void reserve(RuntimeContext ctx, AccountId who, BigInteger bond) throws DispatchException {
        try {
            currency(ctx).reserve(ctx, who, bond);
        } catch (DispatchException e) {
            DispatchError.Kind kind = e.systemError() == null ? null : e.systemError().kind();
            if (e.moduleError() != null || kind == DispatchError.Kind.CONSUMER_REMAINING
                    || kind == DispatchError.Kind.NO_PROVIDERS) {
                throw new DispatchException(GatewayError.InsufficientBond);
            }
            throw e;
        }
    }

    /** Gives the bond back except {@code penaltyPercent} of it, which goes to the treasury; returns the penalty taken. */
    static BigInteger release(RuntimeContext ctx, AccountId owner, BigInteger bond, int penaltyPercent) {
        Currency c = currency(ctx);
        BigInteger penalty = bond.multiply(BigInteger.valueOf(penaltyPercent)).divide(HUNDRED);
        BigInteger taken = BigInteger.ZERO;
        if (penalty.signum() > 0) {
            BigInteger left;
            try {
                left = c.repatriateReserved(ctx, owner, GatewayStorage.TREASURY, penalty, BalanceStatus.FREE);
            } catch (DispatchException e) {
                // the treasury account does not exist yet: slash, then try to create it with the penalty
                left = c.slashReserved(ctx, owner, penalty);
                try {
                    c.deposit(ctx, GatewayStorage.TREASURY, penalty.subtract(left));
                } catch (DispatchException d) {
                    LOG.info("Penalty {} of {} burnt: the treasury cannot take it ({})", penalty.subtract(left), owner,
                            d.getMessage());
                }
            }
            taken = penalty.subtract(left);
            if (left.signum() > 0) {
                LOG.warn("Only {} of the penalty {} could be taken from {}'s reserve", taken, penalty, owner);
            }
        }
        BigInteger notReserved = c.unreserve(ctx, owner, bond.subtract(penalty));
        if (notReserved.signum() > 0) {
            LOG.warn("{} of {}'s gateway bond was no longer reserved", notReserved, owner);
        }
        return taken;
    }
}
