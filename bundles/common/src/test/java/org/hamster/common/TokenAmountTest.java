package org.hamster.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TokenAmountTest {
    @Test
    void parsesTokensAndBaseUnits() throws HamsterException {
        assertEquals(new BigInteger("1500000000000"), TokenAmount.parse("1.5", 12));
        assertEquals(new BigInteger("12000000000000"), TokenAmount.parse("12", 12));
        assertEquals(new BigInteger("42"), TokenAmount.parse("42p", 12));
        assertEquals(new BigInteger("42"), TokenAmount.parse("42planck", 12));
        assertEquals("1.500000000000", TokenAmount.format(new BigInteger("1500000000000"), 12));
    }

    @Test
    void rejectsBadAmounts() {
        assertThrows(HamsterException.class, () -> TokenAmount.parse("-1", 12));
        assertThrows(HamsterException.class, () -> TokenAmount.parse("0.0000000000001", 12));
        assertThrows(HamsterException.class, () -> TokenAmount.parse("abc", 12));
        assertThrows(HamsterException.class, () -> TokenAmount.parse("1e40", 12));
    }
}
