package org.hamster.pallet.resourceorder.internal;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.State;
import org.hamster.chain.support.SpecValues;
import org.hamster.pallet.balances.BalanceStatus;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Provider pledges: reserved balance of the provider, locked 1:1 for running agreements. */
final class PledgeBook {
    private static final Logger LOG = LoggerFactory.getLogger(PledgeBook.class);

    private PledgeBook() {
    }

    static PledgeInfo get(State s, AccountId who) {
        return ResourceOrderStorage.PLEDGES.getOr(s, who, PledgeInfo.EMPTY);
    }

    private static void put(State s, AccountId who, PledgeInfo p) {
        if (p.total().signum() == 0 && p.locked().signum() == 0) {
            ResourceOrderStorage.PLEDGES.remove(s, who);
        } else {
            ResourceOrderStorage.PLEDGES.put(s, who, p);
        }
    }

    static void pledge(Env e, AccountId who, BigInteger amount) throws DispatchException {
        if (amount.signum() == 0) {
            throw new DispatchException(ResourceOrderError.ZeroAmount);
        }
        PledgeInfo p = get(e.state(), who);
        BigInteger total = p.total().add(amount);
        if (total.compareTo(SpecValues.U128_MAX) > 0) {
            throw DispatchException.overflow();
        }
        e.currency().reserve(e.ctx(), who, amount);
        put(e.state(), who, new PledgeInfo(total, p.locked()));
        e.ctx().deposit(new ResourceOrderEvent.Pledged(who, amount));
    }

    static void withdraw(Env e, AccountId who, BigInteger amount) throws DispatchException {
        if (amount.signum() == 0) {
            throw new DispatchException(ResourceOrderError.ZeroAmount);
        }
        State s = e.state();
        if (!ResourceOrderStorage.PLEDGES.contains(s, who)) {
            throw new DispatchException(ResourceOrderError.NoPledge);
        }
        PledgeInfo p = get(s, who);
        if (p.free().compareTo(amount) < 0) {
            throw new DispatchException(ResourceOrderError.InsufficientFreePledge);
        }
        if (e.currency().reservedBalance(s, who).compareTo(amount) < 0) {
            LOG.error("Pledge of {} ({}) exceeds its reserved balance; withdrawal refused", who, p);
            throw new DispatchException(ResourceOrderError.InsufficientFreePledge);
        }
        e.currency().unreserve(e.ctx(), who, amount);
        put(s, who, new PledgeInfo(p.total().subtract(amount), p.locked()));
        e.ctx().deposit(new ResourceOrderEvent.PledgeWithdrawn(who, amount));
    }

    /** Locks {@code amount} of the free pledge for an agreement; NoPledge / InsufficientFreePledge. */
    static void lock(State s, AccountId who, BigInteger amount) throws DispatchException {
        if (!ResourceOrderStorage.PLEDGES.contains(s, who)) {
            throw new DispatchException(ResourceOrderError.NoPledge);
        }
        PledgeInfo p = get(s, who);
        if (p.free().compareTo(amount) < 0) {
            throw new DispatchException(ResourceOrderError.InsufficientFreePledge);
        }
        put(s, who, new PledgeInfo(p.total(), p.locked().add(amount)));
    }

    /** Releases an agreement's lock (never below zero; an inconsistency is logged). */
    static void unlock(State s, AccountId who, BigInteger amount) {
        PledgeInfo p = get(s, who);
        if (p.locked().compareTo(amount) < 0) {
            LOG.error("Pledge of {} has {} locked, less than the {} to unlock", who, p.locked(), amount);
        }
        put(s, who, new PledgeInfo(p.total(), p.locked().subtract(amount).max(BigInteger.ZERO)));
    }

    /**
     * Slashes an agreement's lock: moves up to {@code amount} of the provider's reserved balance into the escrow
     * (free) and returns how much moved; the pledge's total and lock drop by the same.
     */
    static BigInteger slash(Env e, AccountId who, BigInteger amount) {
        State s = e.state();
        PledgeInfo p = get(s, who);
        BigInteger wanted = amount.min(p.locked());
        BigInteger moved = BigInteger.ZERO;
        if (wanted.signum() > 0) {
            try {
                BigInteger left = e.currency().repatriateReserved(e.ctx(), who, Escrow.ACCOUNT, wanted,
                        BalanceStatus.FREE);
                moved = wanted.subtract(left);
            } catch (DispatchException ex) {
                LOG.error("Slash of {} from {} failed: {}", wanted, who, ex.getMessage());
            }
        }
        if (moved.compareTo(amount) != 0) {
            LOG.error("Slash of {} from {} moved only {}; pledge {}", amount, who, moved, p);
        }
        put(s, who, new PledgeInfo(p.total().subtract(moved).max(BigInteger.ZERO),
                p.locked().subtract(amount).max(BigInteger.ZERO)));
        return moved;
    }
}
