package org.hamster.pallet.balances;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The balances pallet as other pallets use it (Substrate's Currency + ReservableCurrency), found with
 * {@code ctx.service(Currency.class)}. Amounts are u128, checked: overflow is ArithmeticError, never a wrap.
 * An account exists while its free balance is at least the existential deposit; one that falls below it with
 * nothing reserved is reaped and the rest is lost as dust. A method that throws has written nothing.
 */
@ProviderType
public interface Currency {
    BigInteger existentialDeposit();

    BigInteger totalIssuance(State s);

    BigInteger freeBalance(State s, AccountId who);

    BigInteger reservedBalance(State s, AccountId who);

    /** Free plus reserved. */
    BigInteger totalBalance(State s, AccountId who);

    /** What {@code who} can move out of its free balance: not frozen, and the ED kept back if keepAlive. */
    BigInteger reducibleBalance(State s, AccountId who, boolean keepAlive);

    /**
     * Moves free balance; fails with InsufficientBalance, LiquidityRestrictions (frozen), Expendability (would
     * reap the sender while keepAlive or while it has reserves) or ExistentialDeposit (would create {@code to}
     * below the ED). Emits Transfer (plus Endowed / DustLost as accounts are created or reaped).
     */
    void transfer(RuntimeContext ctx, AccountId from, AccountId to, BigInteger amount, boolean keepAlive)
            throws DispatchException;

    /** Takes free balance out of existence (total issuance drops); same checks as a transfer's sender. */
    void withdraw(RuntimeContext ctx, AccountId who, BigInteger amount, boolean keepAlive) throws DispatchException;

    /** Mints into the free balance (total issuance grows); ExistentialDeposit if that would create a dust account. */
    void deposit(RuntimeContext ctx, AccountId who, BigInteger amount) throws DispatchException;

    /** Moves free to reserved; InsufficientBalance / LiquidityRestrictions, ConsumerRemaining if free drops below ED. */
    void reserve(RuntimeContext ctx, AccountId who, BigInteger amount) throws DispatchException;

    /** Moves up to {@code amount} from reserved back to free; returns the part that was not reserved. */
    BigInteger unreserve(RuntimeContext ctx, AccountId who, BigInteger amount);

    /** Destroys up to {@code amount} of reserved balance (total issuance drops); returns the part not slashed. */
    BigInteger slashReserved(RuntimeContext ctx, AccountId who, BigInteger amount);

    /**
     * Moves up to {@code amount} of {@code from}'s reserved balance into {@code to}'s free or reserved balance;
     * DeadAccount if {@code to} does not exist. Returns the part that could not be moved.
     */
    BigInteger repatriateReserved(RuntimeContext ctx, AccountId from, AccountId to, BigInteger amount,
            BalanceStatus status) throws DispatchException;
}
