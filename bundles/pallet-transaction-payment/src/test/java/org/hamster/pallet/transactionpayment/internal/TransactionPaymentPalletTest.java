package org.hamster.pallet.transactionpayment.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.NavigableMap;
import org.hamster.chain.AccountId;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.spi.FeeCharger;
import org.hamster.chain.support.SpecValues;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.balances.Currency;
import org.hamster.pallet.balances.internal.BalancesPallet;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.system.internal.SystemPallet;
import org.hamster.pallet.transactionpayment.TransactionPaymentEvent;
import org.hamster.pallet.transactionpayment.TransactionPaymentStorage;
import org.junit.jupiter.api.Test;

class TransactionPaymentPalletTest {
    private static final AccountId TREASURY = TransactionPaymentStorage.TREASURY;
    private final TransactionPaymentPallet pallet = new TransactionPaymentPallet();
    private final PalletHarness h = PalletHarness.builder().pallet(0, new SystemPallet())
            .pallet(2, new BalancesPallet()).pallet(3, pallet)
            .constants("Balances", "{\"existentialDeposit\": \"10\"}")
            .genesis("Balances", "{\"balances\": [[\"" + ALICE.ss58() + "\", \"1000\"], [\"" + BOB.ss58()
                    + "\", \"500\"]]}")
            .constants("TransactionPayment", "{\"baseFee\": \"100\", \"byteFee\": \"2\"}").build();
    private final Currency currency = h.service(Currency.class);

    private static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    private BigInteger free(AccountId who) {
        return currency.freeBalance(h.state(), who);
    }

    private void rejected(AccountId who, long fee, long tip) {
        NavigableMap<Bytes, Bytes> before = h.snapshot();
        TransactionRejected e = assertThrows(TransactionRejected.class,
                () -> pallet.withdraw(h.context(), who, b(fee), b(tip)));
        assertSame(TransactionRejected.Invalid.PAYMENT, e.reason());
        assertEquals(before, h.snapshot(), "nothing changed");
        assertTrue(h.events().isEmpty());
    }

    @Test
    void theTreasuryIsSubstratesPalletAccount() {
        assertEquals("5EYCAe5ijiYfyeZ2JJCGq56LmPyNRAKzpG4QkoQkkQNB5e6Z", TREASURY.ss58());
    }

    @Test
    void theFeeIsBasePlusPerByte() {
        assertEquals(b(200), pallet.fee(50, null));
        assertSame(pallet, h.service(FeeCharger.class));
    }

    @Test
    void aHugeFeeSaturatesAtU128() throws Exception {
        TransactionPaymentPallet p = new TransactionPaymentPallet();
        p.configure(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"baseFee\": \"1\", \"byteFee\": \"" + SpecValues.U128_MAX + "\"}"));
        assertEquals(SpecValues.U128_MAX, p.fee(2, null));
    }

    @Test
    void withdrawTakesFeeAndTip() throws TransactionRejected {
        pallet.withdraw(h.context(), ALICE, b(100), b(5));
        assertEquals(b(895), free(ALICE));
        assertEquals(b(1395), currency.totalIssuance(h.state()));
        assertEquals(List.of(new BalancesEvent.Withdraw(ALICE, b(105))), h.events());
    }

    @Test
    void withdrawNeverKillsThePayer() throws TransactionRejected {
        rejected(BOB, 491, 0);
        rejected(BOB, 490, 1);
        rejected(BOB, 501, 0);
        rejected(TestAccounts.numbered(3), 1, 0);
        pallet.withdraw(h.context(), BOB, b(480), b(10));
        assertEquals(b(10), free(BOB));
    }

    @Test
    void aFeeBeyondU128IsRejected() {
        NavigableMap<Bytes, Bytes> before = h.snapshot();
        TransactionRejected e = assertThrows(TransactionRejected.class,
                () -> pallet.withdraw(h.context(), ALICE, SpecValues.U128_MAX, BigInteger.ONE));
        assertSame(TransactionRejected.Invalid.PAYMENT, e.reason());
        assertEquals(before, h.snapshot());
    }

    @Test
    void aZeroFeeChangesNothing() throws TransactionRejected {
        NavigableMap<Bytes, Bytes> before = h.snapshot();
        pallet.withdraw(h.context(), TestAccounts.numbered(4), BigInteger.ZERO, BigInteger.ZERO);
        assertEquals(before, h.snapshot());
    }

    @Test
    void settlePaysTheTreasuryAndRecordsTheFee() throws TransactionRejected {
        pallet.withdraw(h.context(), ALICE, b(100), b(5));
        pallet.settle(h.context(), ALICE, b(100), b(5));
        assertEquals(b(105), free(TREASURY));
        assertEquals(b(1500), currency.totalIssuance(h.state()));
        assertEquals(List.of(new BalancesEvent.Withdraw(ALICE, b(105)), new SystemEvent.NewAccount(TREASURY),
                new BalancesEvent.Endowed(TREASURY, b(105)), new BalancesEvent.Deposit(TREASURY, b(105)),
                new TransactionPaymentEvent.TransactionFeePaid(ALICE, b(105), b(5))), h.events());
        assertArrayEquals(new ScaleWriter().bytes(ALICE.publicKey()).u128(b(105)).u128(b(5)).toByteArray(),
                h.eventRecords().get(4).fields());
    }

    @Test
    void aFeeTooSmallToOpenTheTreasuryIsBurnt() throws TransactionRejected {
        pallet.withdraw(h.context(), ALICE, b(7), BigInteger.ZERO);
        pallet.settle(h.context(), ALICE, b(7), BigInteger.ZERO);
        assertEquals(BigInteger.ZERO, free(TREASURY));
        assertEquals(b(1493), currency.totalIssuance(h.state()));
        assertEquals(new TransactionPaymentEvent.TransactionFeePaid(ALICE, b(7), BigInteger.ZERO), h.lastEvent());
    }

    @Test
    void constantsAreRequired() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> PalletHarness.builder()
                .pallet(3, new TransactionPaymentPallet()).constants("TransactionPayment", "{\"baseFee\": \"1\"}")
                .build());
        assertTrue(e.getMessage().contains("byteFee"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new TransactionPaymentPallet().fee(1, null));
    }

    @Test
    void withoutBalancesThereIsNoWayToPay() {
        PalletHarness lone = PalletHarness.builder().pallet(3, new TransactionPaymentPallet())
                .constants("TransactionPayment", "{\"baseFee\": \"1\", \"byteFee\": \"1\"}").build();
        assertThrows(IllegalStateException.class, () -> lone.service(FeeCharger.class)
                .withdraw(lone.context(), ALICE, b(1), b(0)));
    }

    @Test
    void thereAreNoCallsAndOneEvent() {
        assertThrows(ScaleException.class, () -> pallet.decodeCall(0, new ScaleReader(new byte[0]), null));
        assertThrows(ScaleException.class, () -> pallet.skipEventFields(1, new ScaleReader(new byte[64])));
    }
}
