package org.hamster.pallet.balances.internal;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.chain.support.SpecValues;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.balances.BalancesStorage;
import org.hamster.pallet.system.AccountData;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.system.SystemStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account bookkeeping on System.Account as pallet_balances' try_mutate_account does it: a free balance of at
 * least the ED holds a provider reference, a reserved (or frozen) balance a consumer reference; an account whose
 * references drop to zero is removed, and a free balance below the ED with nothing reserved is dust, burnt.
 * Every check runs before the first write.
 */
final class Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    static final BigInteger MAX = SpecValues.U128_MAX;

    /** A change to one account's balances. */
    @FunctionalInterface
    interface Update {
        AccountData apply(AccountData current) throws DispatchException;
    }

    private final BigInteger ed;

    Ledger(BigInteger existentialDeposit) {
        this.ed = existentialDeposit;
    }

    BigInteger ed() {
        return ed;
    }

    static AccountInfo info(State s, AccountId who) {
        return SystemStorage.ACCOUNT.getOr(s, who, AccountInfo.EMPTY);
    }

    static BigInteger add(BigInteger a, BigInteger b) throws DispatchException {
        BigInteger r = a.add(b);
        if (r.compareTo(MAX) > 0) {
            throw DispatchException.overflow();
        }
        return r;
    }

    static BigInteger totalIssuance(State s) {
        return BalancesStorage.TOTAL_ISSUANCE.getOr(s, BigInteger.ZERO);
    }

    void issue(State s, BigInteger amount) throws DispatchException {
        BalancesStorage.TOTAL_ISSUANCE.put(s, add(totalIssuance(s), amount));
    }

    /** Lowers the total issuance, saturating at zero (below zero would mean the state is corrupt). */
    void burn(State s, BigInteger amount) {
        BigInteger ti = totalIssuance(s);
        if (ti.compareTo(amount) < 0) {
            LOG.error("Total issuance {} is below a burn of {}; the balances state is inconsistent", ti, amount);
        }
        BalancesStorage.TOTAL_ISSUANCE.put(s, ti.subtract(amount).max(BigInteger.ZERO));
    }

    /** Applies {@code f} to the account's balances with all reference counting, reaping and events. */
    void mutate(RuntimeContext ctx, AccountId who, Update f) throws DispatchException {
        State s = ctx.state();
        AccountInfo stored = SystemStorage.ACCOUNT.get(s, who);
        AccountInfo info = stored == null ? AccountInfo.EMPTY : stored;
        AccountData before = info.data();
        boolean isNew = before.equals(AccountData.EMPTY);
        AccountData after = f.apply(before);
        boolean didProvide = before.free().compareTo(ed) >= 0;
        boolean didConsume = !isNew && consumes(before);
        boolean doesProvide = after.free().compareTo(ed) >= 0;
        boolean doesConsume = consumes(after);
        long providers = info.providers();
        long consumers = info.consumers();
        boolean created = false;
        boolean killed = false;
        if (!didProvide && doesProvide) {
            created = providers == 0 && info.sufficients() == 0;
            providers++;
        }
        if (didConsume && !doesConsume) {
            consumers = Math.max(0, consumers - 1);
        }
        if (!didConsume && doesConsume) {
            if (providers == 0) {
                throw new DispatchException(new DispatchError(DispatchError.Kind.NO_PROVIDERS, 0, 0, "NoProviders"));
            }
            consumers++;
        }
        if (didProvide && !doesProvide && providers > 0) {
            if (providers == 1 && consumers > 0) {
                throw new DispatchException(new DispatchError(DispatchError.Kind.CONSUMER_REMAINING, 0, 0,
                        "ConsumerRemaining"));
            }
            providers--;
            killed = providers == 0 && info.sufficients() == 0;
        }
        BigInteger dust = BigInteger.ZERO;
        AccountData data = after;
        if (after.free().compareTo(ed) < 0 && after.reserved().signum() == 0) {
            dust = after.free();
            data = AccountData.EMPTY;
        }
        if (providers > 0 || info.sufficients() > 0) {
            SystemStorage.ACCOUNT.put(s, who, new AccountInfo(info.nonce(), consumers, providers,
                    info.sufficients(), data));
        } else if (stored != null) {
            SystemStorage.ACCOUNT.remove(s, who);
        }
        if (created) {
            ctx.deposit(new SystemEvent.NewAccount(who));
        }
        if (killed) {
            ctx.deposit(new SystemEvent.KilledAccount(who));
        }
        if (isNew && !data.equals(AccountData.EMPTY)) {
            ctx.deposit(new BalancesEvent.Endowed(who, data.free()));
        }
        if (dust.signum() > 0) {
            burn(s, dust);
            ctx.deposit(new BalancesEvent.DustLost(who, dust));
        }
    }

    private static boolean consumes(AccountData d) {
        return d.reserved().signum() > 0 || d.frozen().signum() > 0;
    }
}
