package org.hamster.chain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamster.chain.TransactionRejected.Invalid;
import org.junit.jupiter.api.Test;

class TransactionInvalidExceptionTest {
    private static TransactionInvalidException invalid(int code, String data) {
        return new TransactionInvalidException("author_submitExtrinsic", code, "Invalid Transaction", data);
    }

    @Test
    void recognisesSubstrateTexts() {
        assertEquals(Invalid.STALE, invalid(1010, "Transaction is outdated").reason());
        assertEquals(Invalid.FUTURE, invalid(1010, "Transaction will be valid in the future").reason());
        assertEquals(Invalid.BAD_PROOF, invalid(1010, "Transaction has a bad signature").reason());
        assertEquals(Invalid.PAYMENT, invalid(1010,
                "Inability to pay some fees (e.g. account balance too low)").reason());
        assertEquals(Invalid.ANCIENT_BIRTH_BLOCK, invalid(1010, "Transaction has an ancient birth block").reason());
        assertEquals(Invalid.EXHAUSTS_RESOURCES, invalid(1010, "Transaction would exhaust the block limits")
                .reason());
        assertEquals(Invalid.CUSTOM, invalid(1010, "The call would fail: Balances.InsufficientBalance").reason());
        assertNull(invalid(1011, null).reason());
    }

    @Test
    void nonceMismatchCoversStaleFutureAndPoolClashes() {
        assertTrue(invalid(1010, "Transaction is outdated (nonce 3 already used; next is 5)").nonceMismatch());
        assertTrue(invalid(1010, "Transaction nonce 9 is too far in the future (next is 5)").nonceMismatch());
        assertTrue(new TransactionInvalidException("m", 1013, "Transaction Already Imported", null).nonceMismatch());
        assertTrue(new TransactionInvalidException("m", 1014, "Priority is too low: (1 vs 1)", null)
                .nonceMismatch());
        assertFalse(invalid(1010, "Transaction has a bad signature").nonceMismatch());
        assertTrue(invalid(1010, "Transaction has a bad signature").badProof());
    }

    @Test
    void callsTheNodeFoundBoundToFailNameTheirError() {
        assertEquals("Provider.ResourceNotUnused",
                invalid(1010, "The call would fail: Provider.ResourceNotUnused").callError());
        assertEquals("Arithmetic(Overflow)", new TransactionInvalidException("m", 1010,
                "Invalid Transaction: The call would fail: Arithmetic(Overflow)", null).callError());
        assertNull(invalid(1010, "Transaction is outdated").callError());
        assertNull(invalid(1011, null).callError());
        assertFalse(invalid(1010, "The call would fail: ResourceOrder.NotResourceOwner").nonceMismatch());
    }

    @Test
    void messageNamesMethodCodeAndData() {
        TransactionInvalidException e = invalid(1010, "Transaction is outdated");
        assertTrue(e.getMessage().contains("author_submitExtrinsic"), e.getMessage());
        assertTrue(e.getMessage().contains("1010"), e.getMessage());
        assertTrue(e.getMessage().contains("outdated"), e.getMessage());
        assertTrue(TransactionInvalidException.isPoolCode(1014));
        assertFalse(TransactionInvalidException.isPoolCode(-32601));
    }
}
