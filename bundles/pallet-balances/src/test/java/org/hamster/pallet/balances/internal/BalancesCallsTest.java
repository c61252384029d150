package org.hamster.pallet.balances.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.pallet.balances.internal.BalancesFixture.account;
import static org.hamster.pallet.balances.internal.BalancesFixture.b;
import static org.hamster.pallet.balances.internal.BalancesFixture.free;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.MultiAddress;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.support.SpecValues;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Hex;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.balances.BalancesError;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.balances.BalancesStorage;
import org.hamster.pallet.system.AccountData;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.system.SystemStorage;
import org.junit.jupiter.api.Test;

class BalancesCallsTest {
    private static final AccountId FRESH = TestAccounts.numbered(7);
    private final PalletHarness h = BalancesFixture.harness(ALICE, BOB);
    private final Origin alice = Origin.signed(ALICE);

    private BigInteger issuance() {
        return BalancesStorage.TOTAL_ISSUANCE.get(h.state());
    }

    private void assertError(BalancesError expected, Origin origin, BalancesCall call) {
        assertSame(expected, h.assertNoop(origin, "Balances", call).moduleError());
    }

    private void assertSystemError(DispatchError.Kind expected, Origin origin, BalancesCall call) {
        assertEquals(expected, h.assertNoop(origin, "Balances", call).systemError().kind());
    }

    @Test
    void storageKeysAndCallEncodingAreSubstrates() {
        assertEquals("0xc2261276cc9d1f8598ea4b6a74b15c2f57c875e4cff74148e4628f264b974c80",
                Hex.encode(BalancesStorage.TOTAL_ISSUANCE.key()));
        ScaleWriter expected = new ScaleWriter().u8(2).u8(0).u8(0).bytes(BOB.publicKey()).compact(b(1000));
        assertArrayEquals(expected.toByteArray(),
                h.encodeCall("Balances", new BalancesCall.TransferAllowDeath(BOB, b(1000))));
    }

    @Test
    void genesisFundsTheAccountsWithAProviderEach() {
        assertEquals(b(1000), free(h, ALICE));
        assertEquals(1, account(h, ALICE).providers());
        assertEquals(b(500), free(h, BOB));
        assertEquals(b(1500), issuance());
    }

    @Test
    void transferAllowDeathMovesFunds() throws DispatchException {
        h.dispatch(alice, "Balances", new BalancesCall.TransferAllowDeath(BOB, b(300)));
        assertEquals(b(700), free(h, ALICE));
        assertEquals(b(800), free(h, BOB));
        assertEquals(b(1500), issuance());
        assertEquals(List.of(new BalancesEvent.Transfer(ALICE, BOB, b(300))), h.events());
        assertArrayEquals(new ScaleWriter().bytes(ALICE.publicKey()).bytes(BOB.publicKey()).u128(b(300))
                .toByteArray(), h.eventRecords().get(0).fields());
    }

    @Test
    void transferToANewAccountCreatesIt() throws DispatchException {
        h.dispatch(alice, "Balances", new BalancesCall.TransferAllowDeath(FRESH, b(10)));
        assertEquals(b(10), free(h, FRESH));
        assertEquals(1, account(h, FRESH).providers());
        assertEquals(List.of(new SystemEvent.NewAccount(FRESH), new BalancesEvent.Endowed(FRESH, b(10)),
                new BalancesEvent.Transfer(ALICE, FRESH, b(10))), h.events());
    }

    @Test
    void transferBelowTheExistentialDepositToANewAccountFails() {
        assertError(BalancesError.ExistentialDeposit, alice, new BalancesCall.TransferAllowDeath(FRESH, b(9)));
    }

    @Test
    void transferOfMoreThanTheFreeBalanceFails() {
        assertError(BalancesError.InsufficientBalance, alice, new BalancesCall.TransferAllowDeath(BOB, b(1001)));
    }

    @Test
    void transferAllowDeathReapsTheSenderAndBurnsTheDust() throws DispatchException {
        h.dispatch(alice, "Balances", new BalancesCall.TransferAllowDeath(BOB, b(995)));
        assertNull(account(h, ALICE));
        assertEquals(b(1495), free(h, BOB));
        assertEquals(b(1495), issuance());
        assertEquals(List.of(new SystemEvent.KilledAccount(ALICE), new BalancesEvent.DustLost(ALICE, b(5)),
                new BalancesEvent.Transfer(ALICE, BOB, b(995))), h.events());
    }

    @Test
    void transferKeepAliveKeepsTheExistentialDeposit() throws DispatchException {
        assertError(BalancesError.Expendability, alice, new BalancesCall.TransferKeepAlive(BOB, b(991)));
        assertError(BalancesError.Expendability, alice, new BalancesCall.TransferKeepAlive(BOB, b(1000)));
        h.dispatch(alice, "Balances", new BalancesCall.TransferKeepAlive(BOB, b(990)));
        assertEquals(b(10), free(h, ALICE));
    }

    @Test
    void transferAllWithoutKeepAliveEmptiesTheSender() throws DispatchException {
        h.dispatch(alice, "Balances", new BalancesCall.TransferAll(FRESH, false));
        assertNull(account(h, ALICE));
        assertEquals(b(1000), free(h, FRESH));
        assertEquals(b(1500), issuance());
    }

    @Test
    void transferAllWithKeepAliveLeavesTheExistentialDeposit() throws DispatchException {
        h.dispatch(alice, "Balances", new BalancesCall.TransferAll(BOB, true));
        assertEquals(b(10), free(h, ALICE));
        assertEquals(b(1490), free(h, BOB));
    }

    @Test
    void transferAllToANewAccountBelowTheDepositFails() throws DispatchException {
        h.dispatch(alice, "Balances", new BalancesCall.TransferAllowDeath(BOB, b(985)));
        assertError(BalancesError.ExistentialDeposit, alice, new BalancesCall.TransferAll(FRESH, true));
    }

    @Test
    void zeroTransferChangesNothingButIsRecorded() throws DispatchException {
        var before = h.snapshot();
        h.dispatch(alice, "Balances", new BalancesCall.TransferAllowDeath(FRESH, BigInteger.ZERO));
        assertEquals(before, h.snapshot());
        assertEquals(List.of(new BalancesEvent.Transfer(ALICE, FRESH, BigInteger.ZERO)), h.events());
    }

    @Test
    void transferToSelfIsANoOp() throws DispatchException {
        h.dispatch(alice, "Balances", new BalancesCall.TransferAllowDeath(ALICE, b(100)));
        assertEquals(b(1000), free(h, ALICE));
        assertEquals(List.of(), h.events());
        assertError(BalancesError.InsufficientBalance, alice, new BalancesCall.TransferAllowDeath(ALICE, b(2000)));
    }

    @Test
    void forceTransferNeedsRoot() throws DispatchException {
        assertSystemError(DispatchError.Kind.BAD_ORIGIN, alice, new BalancesCall.ForceTransfer(BOB, ALICE, b(1)));
        h.dispatch(Origin.ROOT, "Balances", new BalancesCall.ForceTransfer(BOB, ALICE, b(490)));
        assertEquals(b(10), free(h, BOB));
        assertEquals(b(1490), free(h, ALICE));
        assertError(BalancesError.InsufficientBalance, Origin.ROOT, new BalancesCall.ForceTransfer(BOB, ALICE,
                b(11)));
        h.dispatch(Origin.ROOT, "Balances", new BalancesCall.ForceTransfer(BOB, ALICE, b(4)));
        assertNull(account(h, BOB), "allow-death: the 6 left are dust");
    }

    @Test
    void signedCallsRefuseOtherOrigins() {
        assertSystemError(DispatchError.Kind.BAD_ORIGIN, Origin.ROOT, new BalancesCall.TransferAllowDeath(BOB, b(1)));
        assertSystemError(DispatchError.Kind.BAD_ORIGIN, Origin.NONE, new BalancesCall.TransferKeepAlive(BOB, b(1)));
        assertSystemError(DispatchError.Kind.BAD_ORIGIN, Origin.NONE, new BalancesCall.TransferAll(BOB, true));
    }

    @Test
    void onlyIdAddressesResolve() {
        assertSystemError(DispatchError.Kind.CANNOT_LOOKUP, alice,
                new BalancesCall.TransferAllowDeath(MultiAddress.index(3), b(100)));
        assertSystemError(DispatchError.Kind.CANNOT_LOOKUP, alice,
                new BalancesCall.TransferKeepAlive(MultiAddress.address32(BOB.publicKey()), b(100)));
        assertSystemError(DispatchError.Kind.CANNOT_LOOKUP, Origin.ROOT,
                new BalancesCall.ForceSetBalance(MultiAddress.raw(new byte[] {1, 2}), b(100)));
        assertSystemError(DispatchError.Kind.CANNOT_LOOKUP, alice,
                new BalancesCall.TransferAll(MultiAddress.address20(new byte[20]), false));
    }

    @Test
    void forceSetBalanceAdjustsTheIssuance() throws DispatchException {
        h.dispatch(Origin.ROOT, "Balances", new BalancesCall.ForceSetBalance(BOB, b(800)));
        assertEquals(b(800), free(h, BOB));
        assertEquals(b(1800), issuance());
        assertEquals(List.of(new BalancesEvent.BalanceSet(BOB, b(800))), h.events());
        h.dispatch(Origin.ROOT, "Balances", new BalancesCall.ForceSetBalance(BOB, b(100)));
        assertEquals(b(1100), issuance());
    }

    @Test
    void forceSetBalanceBelowTheDepositReapsTheAccount() throws DispatchException {
        h.dispatch(Origin.ROOT, "Balances", new BalancesCall.ForceSetBalance(BOB, b(9)));
        assertNull(account(h, BOB));
        assertEquals(b(1000), issuance());
        assertEquals(new BalancesEvent.BalanceSet(BOB, BigInteger.ZERO), h.lastEvent());
    }

    @Test
    void forceSetBalanceCreatesAnAccount() throws DispatchException {
        h.dispatch(Origin.ROOT, "Balances", new BalancesCall.ForceSetBalance(FRESH, b(50)));
        assertEquals(b(50), free(h, FRESH));
        assertEquals(List.of(new SystemEvent.NewAccount(FRESH), new BalancesEvent.Endowed(FRESH, b(50)),
                new BalancesEvent.BalanceSet(FRESH, b(50))), h.events());
    }

    @Test
    void forceSetBalanceNeedsRootAndCheckedArithmetic() {
        assertSystemError(DispatchError.Kind.BAD_ORIGIN, alice, new BalancesCall.ForceSetBalance(BOB, b(1)));
        DispatchException e = h.assertNoop(Origin.ROOT, "Balances",
                new BalancesCall.ForceSetBalance(BOB, SpecValues.U128_MAX));
        assertEquals(DispatchError.Kind.ARITHMETIC, e.systemError().kind());
        assertEquals(DispatchError.OVERFLOW, e.systemError().detail());
    }

    @Test
    void frozenFundsCannotLeave() {
        var info = account(h, ALICE);
        SystemStorage.ACCOUNT.put(h.state(), ALICE, info.withData(info.data().withFrozen(b(600))));
        assertError(BalancesError.LiquidityRestrictions, alice, new BalancesCall.TransferAllowDeath(BOB, b(401)));
    }

    @Test
    void malformedCallsAreRejected() {
        BalancesPallet p = new BalancesPallet();
        assertThrows(ScaleException.class, () -> p.decodeCall(1, new ScaleReader(new byte[0]), null));
        assertThrows(ScaleException.class, () -> p.decodeCall(0, new ScaleReader(new byte[] {5}), null));
        byte[] tooBig = new ScaleWriter().u8(0).bytes(BOB.publicKey()).compact(BigInteger.ONE.shiftLeft(128))
                .toByteArray();
        assertThrows(ScaleException.class, () -> p.decodeCall(0, new ScaleReader(tooBig), null));
        assertThrows(ScaleException.class, () -> p.skipEventFields(22, new ScaleReader(new byte[0])));
    }

    @Test
    void newAccountsStartFromTheDefaultAccountData() throws DispatchException {
        h.dispatch(alice, "Balances", new BalancesCall.TransferAllowDeath(FRESH, b(20)));
        assertEquals(AccountData.EMPTY.withFree(b(20)), account(h, FRESH).data());
    }
}
