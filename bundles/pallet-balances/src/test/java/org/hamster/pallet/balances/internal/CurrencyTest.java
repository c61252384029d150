package org.hamster.pallet.balances.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.pallet.balances.internal.BalancesFixture.account;
import static org.hamster.pallet.balances.internal.BalancesFixture.b;
import static org.hamster.pallet.balances.internal.BalancesFixture.free;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.NavigableMap;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.support.SpecValues;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.common.Bytes;
import org.hamster.pallet.balances.BalanceStatus;
import org.hamster.pallet.balances.BalancesError;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.balances.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CurrencyTest {
    private static final AccountId FRESH = TestAccounts.numbered(9);
    private final PalletHarness h = BalancesFixture.harness(ALICE, BOB);
    private final Currency c = h.service(Currency.class);
    private final RuntimeContext ctx = h.context();

    private DispatchException fails(Executable action) {
        NavigableMap<Bytes, Bytes> before = h.snapshot();
        int events = h.events().size();
        DispatchException e = assertThrows(DispatchException.class, action);
        assertEquals(before, h.snapshot(), "state untouched");
        assertEquals(events, h.events().size(), "no event");
        return e;
    }

    @Test
    void readsBalancesAndConstants() {
        assertEquals(b(10), c.existentialDeposit());
        assertEquals(b(1500), c.totalIssuance(h.state()));
        assertEquals(b(1000), c.totalBalance(h.state(), ALICE));
        assertEquals(b(1000), c.reducibleBalance(h.state(), ALICE, false));
        assertEquals(b(990), c.reducibleBalance(h.state(), ALICE, true));
        assertEquals(BigInteger.ZERO, c.freeBalance(h.state(), FRESH));
    }

    @Test
    void reserveAndUnreserveMoveBetweenFreeAndReserved() throws DispatchException {
        c.reserve(ctx, ALICE, b(300));
        assertEquals(b(700), c.freeBalance(h.state(), ALICE));
        assertEquals(b(300), c.reservedBalance(h.state(), ALICE));
        assertEquals(1, account(h, ALICE).consumers());
        assertEquals(b(690), c.reducibleBalance(h.state(), ALICE, false), "a consumer keeps the ED back");
        assertEquals(b(50), c.unreserve(ctx, ALICE, b(350)));
        assertEquals(b(1000), c.freeBalance(h.state(), ALICE));
        assertEquals(0, account(h, ALICE).consumers());
        assertEquals(List.of(new BalancesEvent.Reserved(ALICE, b(300)), new BalancesEvent.Unreserved(ALICE, b(300))),
                h.events());
        assertEquals(b(5), c.unreserve(ctx, ALICE, b(5)), "nothing reserved: all of it is left");
    }

    @Test
    void reserveChecksFundsAndTheProviderReference() {
        assertSame(BalancesError.InsufficientBalance, fails(() -> c.reserve(ctx, ALICE, b(1001))).moduleError());
        DispatchException e = fails(() -> c.reserve(ctx, ALICE, b(995)));
        assertEquals(DispatchError.Kind.CONSUMER_REMAINING, e.systemError().kind());
    }

    @Test
    void aSenderWithReservesCannotBeReaped() throws DispatchException {
        c.reserve(ctx, ALICE, b(100));
        assertSame(BalancesError.Expendability,
                fails(() -> c.transfer(ctx, ALICE, BOB, b(895), false)).moduleError());
        c.transfer(ctx, ALICE, BOB, b(890), false);
        assertEquals(b(10), free(h, ALICE));
    }

    @Test
    void slashReservedBurnsIt() throws DispatchException {
        c.reserve(ctx, BOB, b(200));
        assertEquals(b(50), c.slashReserved(ctx, BOB, b(250)));
        assertEquals(BigInteger.ZERO, c.reservedBalance(h.state(), BOB));
        assertEquals(b(1300), c.totalIssuance(h.state()));
        assertEquals(new BalancesEvent.Slashed(BOB, b(200)), h.lastEvent());
        assertEquals(b(7), c.slashReserved(ctx, BOB, b(7)));
    }

    @Test
    void repatriateReservedToFreeOrReserved() throws DispatchException {
        c.reserve(ctx, BOB, b(200));
        assertEquals(BigInteger.ZERO, c.repatriateReserved(ctx, BOB, ALICE, b(50), BalanceStatus.FREE));
        assertEquals(b(1050), c.freeBalance(h.state(), ALICE));
        assertEquals(b(25), c.repatriateReserved(ctx, BOB, ALICE, b(175), BalanceStatus.RESERVED));
        assertEquals(b(150), c.reservedBalance(h.state(), ALICE));
        assertEquals(BigInteger.ZERO, c.reservedBalance(h.state(), BOB));
        assertEquals(0, account(h, BOB).consumers());
        assertEquals(1, account(h, ALICE).consumers());
        assertEquals(b(1500), c.totalIssuance(h.state()));
        assertEquals(new BalancesEvent.ReserveRepatriated(BOB, ALICE, b(150), BalanceStatus.RESERVED), h.lastEvent());
    }

    @Test
    void repatriateToADeadAccountFails() throws DispatchException {
        c.reserve(ctx, BOB, b(200));
        assertSame(BalancesError.DeadAccount,
                fails(() -> c.repatriateReserved(ctx, BOB, FRESH, b(50), BalanceStatus.FREE)).moduleError());
    }

    @Test
    void repatriateToSelf() throws DispatchException {
        c.reserve(ctx, BOB, b(200));
        assertEquals(b(100), c.repatriateReserved(ctx, BOB, BOB, b(300), BalanceStatus.RESERVED));
        assertEquals(b(100), c.repatriateReserved(ctx, BOB, BOB, b(300), BalanceStatus.FREE));
        assertEquals(b(500), c.freeBalance(h.state(), BOB));
    }

    @Test
    void withdrawBurnsAndHonoursKeepAlive() throws DispatchException {
        assertSame(BalancesError.Expendability, fails(() -> c.withdraw(ctx, BOB, b(495), true)).moduleError());
        assertSame(BalancesError.InsufficientBalance, fails(() -> c.withdraw(ctx, BOB, b(501), false)).moduleError());
        c.withdraw(ctx, BOB, b(100), true);
        assertEquals(b(400), free(h, BOB));
        assertEquals(b(1400), c.totalIssuance(h.state()));
        assertEquals(new BalancesEvent.Withdraw(BOB, b(100)), h.lastEvent());
        c.withdraw(ctx, BOB, b(395), false);
        assertNull(account(h, BOB));
        assertEquals(b(1000), c.totalIssuance(h.state()), "the 5 left were dust");
    }

    @Test
    void depositMintsAndRespectsTheExistentialDeposit() throws DispatchException {
        assertSame(BalancesError.ExistentialDeposit, fails(() -> c.deposit(ctx, FRESH, b(9))).moduleError());
        c.deposit(ctx, FRESH, b(10));
        c.deposit(ctx, FRESH, b(1));
        assertEquals(b(11), free(h, FRESH));
        assertEquals(b(1511), c.totalIssuance(h.state()));
        assertEquals(new BalancesEvent.Deposit(FRESH, b(1)), h.lastEvent());
        DispatchException e = fails(() -> c.deposit(ctx, ALICE, SpecValues.U128_MAX));
        assertEquals(DispatchError.Kind.ARITHMETIC, e.systemError().kind());
    }

    @Test
    void amountsOutsideU128AreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> c.transfer(ctx, ALICE, BOB, b(-1), false));
        assertThrows(IllegalArgumentException.class, () -> c.deposit(ctx, ALICE, BigInteger.ONE.shiftLeft(128)));
    }
}
