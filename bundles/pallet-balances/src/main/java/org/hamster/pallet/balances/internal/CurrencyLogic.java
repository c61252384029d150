package org.hamster.pallet.balances.internal;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.pallet.balances.BalanceStatus;
import org.hamster.pallet.balances.BalancesError;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.balances.Currency;
import org.hamster.pallet.system.AccountData;
import org.hamster.pallet.system.AccountInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state transitions of pallet_balances for one existential deposit: every check before any write. */
final class CurrencyLogic implements Currency {
    private static final Logger LOG = LoggerFactory.getLogger(CurrencyLogic.class);
    private final Ledger ledger;

    CurrencyLogic(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public BigInteger existentialDeposit() {
        return ledger.ed();
    }

    @Override
    public BigInteger totalIssuance(State s) {
        return Ledger.totalIssuance(s);
    }

    @Override
    public BigInteger freeBalance(State s, AccountId who) {
        return Ledger.info(s, who).data().free();
    }

    @Override
    public BigInteger reservedBalance(State s, AccountId who) {
        return Ledger.info(s, who).data().reserved();
    }

    @Override
    public BigInteger totalBalance(State s, AccountId who) {
        return Ledger.info(s, who).data().total();
    }

    @Override
    public BigInteger reducibleBalance(State s, AccountId who, boolean keepAlive) {
        AccountInfo info = Ledger.info(s, who);
        AccountData a = info.data();
        BigInteger untouchable = a.frozen().subtract(a.reserved()).max(BigInteger.ZERO);
        if (keepAlive || (a.free().signum() > 0 && !canDecProvider(info))) {
            untouchable = untouchable.max(ledger.ed());
        }
        return a.free().subtract(untouchable).max(BigInteger.ZERO);
    }

    @Override
    public void transfer(RuntimeContext ctx, AccountId from, AccountId to, BigInteger amount, boolean keepAlive)
            throws DispatchException {
        requireAmount(amount);
        checkWithdraw(Ledger.info(ctx.state(), from), amount, keepAlive);
        checkDeposit(ctx.state(), to, amount, false);
        if (from.equals(to)) {
            return;
        }
        if (amount.signum() > 0) {
            ledger.mutate(ctx, from, d -> d.withFree(d.free().subtract(amount)));
            ledger.mutate(ctx, to, d -> d.withFree(Ledger.add(d.free(), amount)));
        }
        ctx.deposit(new BalancesEvent.Transfer(from, to, amount));
    }

    @Override
    public void withdraw(RuntimeContext ctx, AccountId who, BigInteger amount, boolean keepAlive)
            throws DispatchException {
        requireAmount(amount);
        if (amount.signum() == 0) {
            return;
        }
        checkWithdraw(Ledger.info(ctx.state(), who), amount, keepAlive);
        ledger.mutate(ctx, who, d -> d.withFree(d.free().subtract(amount)));
        ledger.burn(ctx.state(), amount);
        ctx.deposit(new BalancesEvent.Withdraw(who, amount));
    }

    @Override
    public void deposit(RuntimeContext ctx, AccountId who, BigInteger amount) throws DispatchException {
        requireAmount(amount);
        if (amount.signum() == 0) {
            return;
        }
        checkDeposit(ctx.state(), who, amount, true);
        ledger.mutate(ctx, who, d -> d.withFree(Ledger.add(d.free(), amount)));
        ledger.issue(ctx.state(), amount);
        ctx.deposit(new BalancesEvent.Deposit(who, amount));
    }

    @Override
    public void reserve(RuntimeContext ctx, AccountId who, BigInteger amount) throws DispatchException {
        requireAmount(amount);
        if (amount.signum() == 0) {
            return;
        }
        AccountData a = Ledger.info(ctx.state(), who).data();
        if (amount.compareTo(a.free()) > 0) {
            throw new DispatchException(BalancesError.InsufficientBalance);
        }
        if (a.free().subtract(amount).compareTo(a.frozen()) < 0) {
            throw new DispatchException(BalancesError.LiquidityRestrictions);
        }
        Ledger.add(a.reserved(), amount);
        ledger.mutate(ctx, who, d -> d.withFree(d.free().subtract(amount)).withReserved(d.reserved().add(amount)));
        ctx.deposit(new BalancesEvent.Reserved(who, amount));
    }

    @Override
    public BigInteger unreserve(RuntimeContext ctx, AccountId who, BigInteger amount) {
        requireAmount(amount);
        BigInteger actual = amount.min(reservedBalance(ctx.state(), who));
        if (actual.signum() == 0) {
            return amount;
        }
        try {
            ledger.mutate(ctx, who, d -> d.withFree(Ledger.add(d.free(), actual))
                    .withReserved(d.reserved().subtract(actual)));
        } catch (DispatchException e) {
            LOG.warn("Could not unreserve {} of {}: {}", actual, who, e.getMessage());
            return amount;
        }
        ctx.deposit(new BalancesEvent.Unreserved(who, actual));
        return amount.subtract(actual);
    }

    @Override
    public BigInteger slashReserved(RuntimeContext ctx, AccountId who, BigInteger amount) {
        requireAmount(amount);
        BigInteger actual = amount.min(reservedBalance(ctx.state(), who));
        if (actual.signum() == 0) {
            return amount;
        }
        try {
            ledger.mutate(ctx, who, d -> d.withReserved(d.reserved().subtract(actual)));
        } catch (DispatchException e) {
            LOG.warn("Could not slash {} of {}: {}", actual, who, e.getMessage());
            return amount;
        }
        ledger.burn(ctx.state(), actual);
        ctx.deposit(new BalancesEvent.Slashed(who, actual));
        return amount.subtract(actual);
    }

    @Override
    public BigInteger repatriateReserved(RuntimeContext ctx, AccountId from, AccountId to, BigInteger amount,
            BalanceStatus status) throws DispatchException {
        requireAmount(amount);
        State s = ctx.state();
        if (amount.signum() == 0) {
            return BigInteger.ZERO;
        }
        if (from.equals(to)) {
            return status == BalanceStatus.FREE ? unreserve(ctx, from, amount)
                    : amount.subtract(amount.min(reservedBalance(s, from)));
        }
        AccountData dest = Ledger.info(s, to).data();
        if (dest.equals(AccountData.EMPTY)) {
            throw new DispatchException(BalancesError.DeadAccount);
        }
        BigInteger actual = amount.min(reservedBalance(s, from));
        Ledger.add(status == BalanceStatus.FREE ? dest.free() : dest.reserved(), actual);
        if (actual.signum() > 0) {
            ledger.mutate(ctx, to, d -> status == BalanceStatus.FREE ? d.withFree(d.free().add(actual))
                    : d.withReserved(d.reserved().add(actual)));
            ledger.mutate(ctx, from, d -> d.withReserved(d.reserved().subtract(actual)));
        }
        ctx.deposit(new BalancesEvent.ReserveRepatriated(from, to, actual, status));
        return amount.subtract(actual);
    }

    /** Root's force_set_balance: a free balance below the ED becomes zero; the issuance follows. */
    void forceSetBalance(RuntimeContext ctx, AccountId who, BigInteger newFree) throws DispatchException {
        requireAmount(newFree);
        State s = ctx.state();
        BigInteger target = newFree.compareTo(ledger.ed()) < 0 ? BigInteger.ZERO : newFree;
        BigInteger old = freeBalance(s, who);
        if (target.compareTo(old) > 0) {
            Ledger.add(totalIssuance(s), target.subtract(old));
        }
        ledger.mutate(ctx, who, d -> d.withFree(target));
        if (target.compareTo(old) > 0) {
            ledger.issue(s, target.subtract(old));
        } else if (target.compareTo(old) < 0) {
            ledger.burn(s, old.subtract(target));
        }
        ctx.deposit(new BalancesEvent.BalanceSet(who, target));
    }

    private void checkWithdraw(AccountInfo info, BigInteger amount, boolean keepAlive) throws DispatchException {
        AccountData a = info.data();
        if (amount.compareTo(a.free()) > 0) {
            throw new DispatchException(BalancesError.InsufficientBalance);
        }
        BigInteger liquid = a.free().subtract(a.frozen().subtract(a.reserved()).max(BigInteger.ZERO));
        if (amount.compareTo(liquid) > 0) {
            throw new DispatchException(BalancesError.LiquidityRestrictions);
        }
        boolean reaps = a.free().subtract(amount).compareTo(ledger.ed()) < 0;
        if (amount.signum() > 0 && reaps && (keepAlive || !canDecProvider(info))) {
            throw new DispatchException(BalancesError.Expendability);
        }
    }

    private void checkDeposit(State s, AccountId to, BigInteger amount, boolean mint) throws DispatchException {
        if (amount.signum() == 0) {
            return;
        }
        if (mint) {
            Ledger.add(totalIssuance(s), amount);
        }
        AccountData d = Ledger.info(s, to).data();
        Ledger.add(d.free(), amount);
        if (d.total().add(amount).compareTo(ledger.ed()) < 0) {
            throw new DispatchException(BalancesError.ExistentialDeposit);
        }
    }

    /** frame_system::can_dec_provider: the account survives losing the balances provider reference. */
    private static boolean canDecProvider(AccountInfo info) {
        return info.consumers() == 0 || info.providers() > 1;
    }

    private static void requireAmount(BigInteger amount) {
        if (amount.signum() < 0 || amount.compareTo(Ledger.MAX) > 0) {
            throw new IllegalArgumentException("amount outside u128: " + amount);
        }
    }
}
