package org.hamster.pallet.resourceorder.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.ED;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.FUNDS;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.SSH_KEY;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Hex;
import org.hamster.pallet.balances.BalancesError;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.junit.jupiter.api.Test;

class PledgeTest {
    private final MarketFixture f = new MarketFixture();

    @Test
    void genesisEndowsTheEscrowAccountWithTheExistentialDeposit() {
        assertEquals("0x6d6f646c686d2f6f726465720000000000000000000000000000000000000000",
                Hex.encode(ResourceOrderStorage.ESCROW.publicKey()));
        assertEquals(ED, f.escrow());
        assertEquals(FUNDS.multiply(b(5)).add(ED), f.issuance());
    }

    @Test
    void aChainThatGainsThePalletLaterEndowsTheEscrowOnce() {
        org.hamster.pallet.system.SystemStorage.ACCOUNT.remove(f.h.state(), ResourceOrderStorage.ESCROW);
        org.hamster.pallet.balances.BalancesStorage.TOTAL_ISSUANCE.put(f.h.state(), FUNDS.multiply(b(5)));
        f.h.nextBlock();
        assertEquals(ED, f.escrow());
        assertEquals(FUNDS.multiply(b(5)).add(ED), f.issuance());
        f.h.nextBlock();
        assertEquals(FUNDS.multiply(b(5)).add(ED), f.issuance());
    }

    @Test
    void callsEncodeAsDocumented() {
        assertArrayEquals(new byte[] {6, 0, (byte) 0xa1, 0x0f}, f.h.encodeCall("ResourceOrder",
                new ResourceOrderCall.Pledge(b(1000))));
        byte[] create = new ScaleWriter().u8(6).u8(2).u64(3).u32(24).vecBytes(SSH_KEY.unsafeArray()).toByteArray();
        assertArrayEquals(create, f.h.encodeCall("ResourceOrder", new ResourceOrderCall.CreateOrder(3, 24, SSH_KEY)));
        assertArrayEquals(new byte[] {6, 5, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0},
                f.h.encodeCall("ResourceOrder", new ResourceOrderCall.Renew(1, 2)));
        assertArrayEquals(new byte[] {6, 8}, f.h.encodeCall("ResourceOrder", new ResourceOrderCall.ClaimRefund()));
        assertThrows(ScaleException.class, () -> f.pallet.decodeCall(9, new ScaleReader(new byte[0]), null));
    }

    @Test
    void pledgeReservesBalance() throws DispatchException {
        f.pledge(ALICE, 5_000);
        assertEquals(FUNDS.subtract(b(5_000)), f.free(ALICE));
        assertEquals(b(5_000), f.reserved(ALICE));
        assertEquals(new PledgeInfo(b(5_000), b(0)), f.pledgeOf(ALICE));
        assertEquals(List.of(new BalancesEvent.Reserved(ALICE, b(5_000)),
                new ResourceOrderEvent.Pledged(ALICE, b(5_000))), f.h.events());
        f.pledge(ALICE, 1_000);
        assertEquals(new PledgeInfo(b(6_000), b(0)), f.pledgeOf(ALICE));
        assertEquals(b(6_000), f.reserved(ALICE));
    }

    @Test
    void pledgeNeedsFreeBalance() {
        assertSame(ResourceOrderError.ZeroAmount, f.fails(ALICE, new ResourceOrderCall.Pledge(b(0))));
        assertSame(BalancesError.InsufficientBalance, f.fails(ALICE, new ResourceOrderCall.Pledge(FUNDS.add(b(1)))));
        DispatchException e = f.h.assertNoop(Origin.signed(ALICE), "ResourceOrder",
                new ResourceOrderCall.Pledge(FUNDS));
        assertEquals(DispatchError.Kind.CONSUMER_REMAINING, e.systemError().kind());
        assertEquals(DispatchError.Kind.BAD_ORIGIN, f.h.assertNoop(Origin.NONE, "ResourceOrder",
                new ResourceOrderCall.Pledge(b(1))).systemError().kind());
    }

    @Test
    void onlyTheFreePartOfAPledgeCanBeWithdrawn() throws DispatchException {
        long r = f.register(ALICE, 100, 100);
        f.pledge(ALICE, 5_000);
        f.exec(ALICE, f.order(BOB, r, 30));
        assertEquals(new PledgeInfo(b(5_000), b(3_000)), f.pledgeOf(ALICE));
        assertSame(ResourceOrderError.InsufficientFreePledge,
                f.fails(ALICE, new ResourceOrderCall.WithdrawPledge(b(2_001))));
        f.call(ALICE, new ResourceOrderCall.WithdrawPledge(b(2_000)));
        assertEquals(new PledgeInfo(b(3_000), b(3_000)), f.pledgeOf(ALICE));
        assertEquals(b(3_000), f.reserved(ALICE));
        assertEquals(new ResourceOrderEvent.PledgeWithdrawn(ALICE, b(2_000)), f.h.lastEvent());
        assertSame(ResourceOrderError.InsufficientFreePledge,
                f.fails(ALICE, new ResourceOrderCall.WithdrawPledge(b(1))));
    }

    @Test
    void withdrawingTheWholePledgeRemovesIt() throws DispatchException {
        assertSame(ResourceOrderError.NoPledge, f.fails(ALICE, new ResourceOrderCall.WithdrawPledge(b(1))));
        f.pledge(ALICE, 700);
        assertSame(ResourceOrderError.ZeroAmount, f.fails(ALICE, new ResourceOrderCall.WithdrawPledge(b(0))));
        f.call(ALICE, new ResourceOrderCall.WithdrawPledge(b(700)));
        assertFalse(ResourceOrderStorage.PLEDGES.contains(f.h.state(), ALICE));
        assertEquals(FUNDS, f.free(ALICE));
        assertEquals(b(0), f.reserved(ALICE));
    }
}
