package org.hamster.pallet.sudo.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.chain.testkit.TestAccounts.CHARLIE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.DispatchError;
import org.hamster.chain.MultiAddress;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.common.Hex;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.balances.Currency;
import org.hamster.pallet.balances.internal.BalancesPallet;
import org.hamster.pallet.sudo.SudoCall;
import org.hamster.pallet.sudo.SudoError;
import org.hamster.pallet.sudo.SudoEvent;
import org.hamster.pallet.sudo.SudoStorage;
import org.hamster.pallet.system.internal.SystemPallet;
import org.junit.jupiter.api.Test;

class SudoPalletTest {
    private final PalletHarness h = PalletHarness.builder().pallet(0, new SystemPallet())
            .pallet(2, new BalancesPallet()).pallet(4, new SudoPallet())
            .constants("Balances", "{\"existentialDeposit\": \"10\"}")
            .genesis("Balances", "{\"balances\": [[\"" + ALICE.ss58() + "\", \"1000\"], [\"" + BOB.ss58()
                    + "\", \"500\"]]}")
            .genesis("Sudo", "{\"key\": \"" + ALICE.ss58() + "\"}").build();
    private final Origin alice = Origin.signed(ALICE);
    private final Origin bob = Origin.signed(BOB);

    private static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    private byte[] setBalance(long amount) {
        return h.encodeCall("Balances", new BalancesCall.ForceSetBalance(CHARLIE, b(amount)));
    }

    private BigInteger free(org.hamster.chain.AccountId who) {
        return h.service(Currency.class).freeBalance(h.state(), who);
    }

    private void requiresSudo(Origin origin, SudoCall call) {
        assertSame(SudoError.RequireSudo, h.assertNoop(origin, "Sudo", call).moduleError());
    }

    @Test
    void genesisSetsTheKeyAtSubstratesStorageKey() {
        assertEquals(ALICE, SudoStorage.KEY.get(h.state()));
        assertEquals("0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b",
                Hex.encode(SudoStorage.KEY.key()));
    }

    @Test
    void sudoDispatchesAsRoot() throws DispatchException {
        h.dispatch(alice, "Sudo", new SudoCall.Sudo(setBalance(70)));
        assertEquals(b(70), free(CHARLIE));
        assertEquals(new SudoEvent.Sudid(null), h.lastEvent());
        assertArrayEquals(new byte[] {0}, h.eventRecords().get(h.eventRecords().size() - 1).fields());
    }

    @Test
    void aFailingInnerCallIsRecordedAndRolledBackAlone() throws DispatchException {
        byte[] inner = h.encodeCall("Balances", new BalancesCall.ForceTransfer(BOB, CHARLIE, b(501)));
        var before = h.snapshot();
        h.dispatch(alice, "Sudo", new SudoCall.Sudo(inner));
        assertEquals(before, h.snapshot());
        DispatchError err = new DispatchError(DispatchError.Kind.MODULE, 2, 2, "Balances.InsufficientBalance");
        assertEquals(List.of(new SudoEvent.Sudid(err)), h.events());
        assertArrayEquals(new byte[] {1, 3, 2, 2, 0, 0, 0}, h.eventRecords().get(0).fields());
    }

    @Test
    void onlyTheKeyOrRootMaySudo() throws DispatchException {
        requiresSudo(bob, new SudoCall.Sudo(setBalance(70)));
        assertEquals(DispatchError.Kind.BAD_ORIGIN,
                h.assertNoop(Origin.NONE, "Sudo", new SudoCall.Sudo(setBalance(70))).systemError().kind());
        h.dispatch(Origin.ROOT, "Sudo", new SudoCall.Sudo(setBalance(70)));
        assertEquals(b(70), free(CHARLIE));
    }

    @Test
    void sudoUncheckedWeightDispatchesAsRoot() throws DispatchException {
        requiresSudo(bob, new SudoCall.SudoUncheckedWeight(setBalance(70), 1, 2));
        h.dispatch(alice, "Sudo", new SudoCall.SudoUncheckedWeight(setBalance(70), 1_000_000, 64));
        assertEquals(b(70), free(CHARLIE));
        assertEquals(new SudoEvent.Sudid(null), h.lastEvent());
    }

    @Test
    void setKeyHandsOverTheKey() throws DispatchException {
        requiresSudo(bob, new SudoCall.SetKey(BOB));
        h.dispatch(alice, "Sudo", new SudoCall.SetKey(BOB));
        assertEquals(BOB, SudoStorage.KEY.get(h.state()));
        assertEquals(new SudoEvent.KeyChanged(ALICE, BOB), h.lastEvent());
        requiresSudo(alice, new SudoCall.Sudo(setBalance(70)));
        h.dispatch(bob, "Sudo", new SudoCall.Sudo(setBalance(70)));
        assertEquals(b(70), free(CHARLIE));
    }

    @Test
    void setKeyNeedsAnAccountAddress() {
        DispatchException e = h.assertNoop(alice, "Sudo", new SudoCall.SetKey(MultiAddress.index(1)));
        assertEquals(DispatchError.Kind.CANNOT_LOOKUP, e.systemError().kind());
    }

    @Test
    void sudoAsDispatchesSignedByAnother() throws DispatchException {
        byte[] transfer = h.encodeCall("Balances", new BalancesCall.TransferAllowDeath(CHARLIE, b(100)));
        requiresSudo(bob, new SudoCall.SudoAs(BOB, transfer));
        h.dispatch(alice, "Sudo", new SudoCall.SudoAs(BOB, transfer));
        assertEquals(b(400), free(BOB));
        assertEquals(b(100), free(CHARLIE));
        assertEquals(new BalancesEvent.Transfer(BOB, CHARLIE, b(100)), h.events().get(h.events().size() - 2));
        assertEquals(new SudoEvent.SudoAsDone(null), h.lastEvent());
    }

    @Test
    void sudoAsRecordsTheInnerFailure() throws DispatchException {
        byte[] rootOnly = setBalance(70);
        h.dispatch(alice, "Sudo", new SudoCall.SudoAs(BOB, rootOnly));
        assertEquals(new SudoEvent.SudoAsDone(DispatchError.badOrigin()), h.lastEvent());
        assertEquals(BigInteger.ZERO, free(CHARLIE));
        DispatchException e = h.assertNoop(alice, "Sudo", new SudoCall.SudoAs(MultiAddress.raw(new byte[3]), rootOnly));
        assertEquals(DispatchError.Kind.CANNOT_LOOKUP, e.systemError().kind());
    }

    @Test
    void removeKeyEndsSudo() throws DispatchException {
        requiresSudo(bob, new SudoCall.RemoveKey());
        h.dispatch(alice, "Sudo", new SudoCall.RemoveKey());
        assertNull(SudoStorage.KEY.get(h.state()));
        assertEquals(new SudoEvent.KeyRemoved(), h.lastEvent());
        requiresSudo(alice, new SudoCall.Sudo(setBalance(70)));
        h.dispatch(Origin.ROOT, "Sudo", new SudoCall.SetKey(BOB));
        assertEquals(new SudoEvent.KeyChanged(null, BOB), h.lastEvent());
    }

    @Test
    void sudoInsideSudoRunsAsRoot() throws DispatchException {
        byte[] inner = h.encodeCall("Sudo", new SudoCall.Sudo(setBalance(70)));
        h.dispatch(alice, "Sudo", new SudoCall.Sudo(inner));
        assertEquals(b(70), free(CHARLIE));
        assertEquals(List.of(new BalancesEvent.BalanceSet(CHARLIE, b(70)), new SudoEvent.Sudid(null),
                new SudoEvent.Sudid(null)), h.events().subList(h.events().size() - 3, h.events().size()));
    }

    @Test
    void nestingIsBounded() {
        byte[] call = setBalance(70);
        for (int i = 0; i <= SudoPallet.MAX_NESTING; i++) {
            call = h.encodeCall("Sudo", new SudoCall.Sudo(call));
        }
        byte[] deep = call;
        DispatchException e = assertThrows(DispatchException.class, () -> h.dispatch(alice, deep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void malformedCallsAreRejected() {
        SudoPallet p = new SudoPallet();
        assertThrows(ScaleException.class, () -> p.decodeCall(5, new ScaleReader(new byte[0]), null));
        assertThrows(DispatchException.class, () -> h.dispatch(alice, new byte[] {4, 0, 9, 0}));
        assertThrows(ScaleException.class, () -> p.skipEventFields(0, new ScaleReader(new byte[] {2})));
        assertThrows(ScaleException.class, () -> p.skipEventFields(4, new ScaleReader(new byte[0])));
    }

    @Test
    void genesisWithoutAKeyLeavesNone() {
        PalletHarness none = PalletHarness.builder().pallet(4, new SudoPallet()).build();
        assertNull(SudoStorage.KEY.get(none.state()));
        Exception e = assertThrows(IllegalArgumentException.class, () -> PalletHarness.builder()
                .pallet(4, new SudoPallet()).genesis("Sudo", "{\"key\": \"5Bogus\"}").build());
        assertTrue(e.getMessage().contains("Sudo genesis key"), e.getMessage());
    }
}
