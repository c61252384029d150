package org.hamster.pallet.resourceorder.internal;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Money in and out of the escrow account. Payments out keep the escrow alive (it holds the existential deposit
 * on top of what it owes, so paying what it owes never reaps it). A refund that cannot be paid directly (e.g. to
 * a reaped account, below the existential deposit) is credited to the tenant's claimable refunds instead.
 */
final class Escrow {
    private static final Logger LOG = LoggerFactory.getLogger(Escrow.class);
    static final AccountId ACCOUNT = ResourceOrderStorage.ESCROW;

    private Escrow() {
    }

    /** The tenant pays; Balances errors (InsufficientBalance, Expendability...) if it cannot keep alive. */
    static void payIn(Env e, AccountId from, BigInteger amount) throws DispatchException {
        e.currency().transfer(e.ctx(), from, ACCOUNT, amount, true);
    }

    static void payOut(Env e, AccountId to, BigInteger amount) throws DispatchException {
        if (amount.signum() > 0) {
            e.currency().transfer(e.ctx(), ACCOUNT, to, amount, true);
        }
    }

    /** Pays {@code amount} back to {@code to}, or credits it as a claimable refund if the transfer fails. */
    static void refund(Env e, AccountId to, BigInteger amount) {
        try {
            payOut(e, to, amount);
        } catch (DispatchException ex) {
            LOG.info("Refund of {} to {} failed ({}); credited as a claimable refund", amount, to, ex.getMessage());
            credit(e, to, amount);
        }
    }

    static void credit(Env e, AccountId to, BigInteger amount) {
        if (amount.signum() == 0) {
            return;
        }
        BigInteger owed = ResourceOrderStorage.REFUNDS.getOr(e.state(), to, BigInteger.ZERO);
        ResourceOrderStorage.REFUNDS.put(e.state(), to, owed.add(amount));
        e.ctx().deposit(new ResourceOrderEvent.RefundCredited(to, amount));
    }
}
