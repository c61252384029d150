package org.hamster.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamster.chain.client.ConnectionLostException;
import org.hamster.chain.client.RequestTimeoutException;
import org.hamster.chain.client.TransactionInvalidException;
import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;
import org.junit.jupiter.api.Test;

/** A refusal names the pallet error; a node that does not answer is unavailable. */
class ChainErrorsTest {
    @Test
    void refusedByThePoolNamesThePalletError() {
        ClientException e = ChainErrors.of(new TransactionInvalidException("author_submitAndWatchExtrinsic", 1010,
                "Invalid Transaction", "The call would fail: ResourceOrder.OrderNotPending"));
        assertEquals(Reason.REFUSED, e.reason());
        assertEquals("ResourceOrder.OrderNotPending", e.chainError());
        assertTrue(e.getMessage().contains("ResourceOrder.OrderNotPending"), e.getMessage());
        ClientException poor = ChainErrors.of(new TransactionInvalidException("author_submitAndWatchExtrinsic", 1010,
                "Invalid Transaction", "Inability to pay some fees (e.g. account balance too low)"));
        assertEquals(Reason.REFUSED, poor.reason());
        assertNull(poor.chainError());
        assertTrue(poor.getMessage().contains("balance too low"), poor.getMessage());
    }

    @Test
    void anUnreachableNodeIsUnavailable() {
        assertEquals(Reason.CHAIN_UNAVAILABLE, ChainErrors.of(new ConnectionLostException("dropped", null)).reason());
        assertEquals(Reason.CHAIN_UNAVAILABLE, ChainErrors.of(new RequestTimeoutException("30 s")).reason());
    }
}
