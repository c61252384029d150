package org.hamster.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.DispatchError;
import org.hamster.chain.H256;
import org.hamster.chain.client.ConnectionLostException;
import org.hamster.chain.client.ExtrinsicFailedException;
import org.hamster.chain.client.TransactionInvalidException;
import org.hamster.chain.client.TxInBlock;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.provider.RefusedException;
import org.junit.jupiter.api.Test;

class RefusalsTest {
    @Test
    void aCallThePoolRefusesNamesThePalletError() {
        HamsterException e = Refusals.of(new TransactionInvalidException("author_submitAndWatchExtrinsic", 1010,
                "Invalid Transaction", "The call would fail: Provider.ResourceNotUnused"));
        assertEquals("Provider.ResourceNotUnused", ((RefusedException) e).error());
        assertEquals(ErrorCode.CHAIN, e.code());
        RefusedException fee = (RefusedException) Refusals.of(new TransactionInvalidException("author_submit",
                1010, "Invalid Transaction", "Inability to pay some fees (e.g. account balance too low)"));
        assertEquals("InvalidTransaction.PAYMENT", fee.error());
    }

    @Test
    void aCallThatFailedInItsBlockNamesThePalletError() {
        TxInBlock in = new TxInBlock(H256.ZERO, H256.ZERO, 1, List.of());
        RefusedException e = (RefusedException) Refusals.of(new ExtrinsicFailedException(new DispatchError(
                DispatchError.Kind.MODULE, 6, 9, "ResourceOrder.NothingToWithdraw"), "ResourceOrder",
                "NothingToWithdraw", in));
        assertEquals("ResourceOrder.NothingToWithdraw", e.error());
        RefusedException origin = (RefusedException) Refusals.of(new ExtrinsicFailedException(
                DispatchError.badOrigin(), null, null, in));
        assertEquals("BadOrigin", origin.error());
    }

    @Test
    void anUnreachableNodeStaysUnavailable() {
        ConnectionLostException lost = new ConnectionLostException("gone", null);
        assertSame(lost, Refusals.of(lost));
        assertEquals(ErrorCode.UNAVAILABLE, Refusals.of(lost).code());
    }

    @Test
    void inputIsCheckedBeforeAnythingIsSent() throws HamsterException {
        assertEquals(BigInteger.ONE, Refusals.positive("amount", BigInteger.ONE));
        for (BigInteger bad : new BigInteger[] {null, BigInteger.ZERO, BigInteger.valueOf(-1)}) {
            assertEquals(ErrorCode.INVALID_INPUT, assertThrows(HamsterException.class,
                    () -> Refusals.positive("amount", bad)).code());
        }
        assertEquals(Refusals.U32_MAX, Refusals.count("hours", Refusals.U32_MAX));
        assertThrows(HamsterException.class, () -> Refusals.count("hours", 0));
        assertThrows(HamsterException.class, () -> Refusals.count("hours", Refusals.U32_MAX + 1));
        assertThrows(HamsterException.class, () -> Refusals.id("resource", -1));
        assertEquals("Debian 12", Refusals.text("system", null, "Debian 12"));
        assertEquals("Alpine", Refusals.text("system", " Alpine ", "Debian 12"));
        assertEquals("invalid input: system must not be empty", assertThrows(HamsterException.class,
                () -> Refusals.text("system", "  ", "Debian 12")).getMessage());
    }
}
