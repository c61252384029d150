package org.hamster.chain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.hamster.codec.ScaleException;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;

class AccountInfoTest {
    /** nonce 5, consumers 0, providers 1, sufficients 0, free 10^18, reserved 7, frozen 2, flags 2^127. */
    private static final String ENCODED = "0x05000000" + "00000000" + "01000000" + "00000000"
            + "000064a7b3b6e00d0000000000000000" + "07000000000000000000000000000000"
            + "02000000000000000000000000000000" + "00000000000000000000000000000080";

    @Test
    void decodesSystemAccount() {
        AccountInfo a = AccountInfo.decode(Hex.decode(ENCODED));
        assertEquals(5, a.nonce());
        assertEquals(0, a.consumers());
        assertEquals(1, a.providers());
        assertEquals(0, a.sufficients());
        assertEquals(BigInteger.TEN.pow(18), a.free());
        assertEquals(BigInteger.valueOf(7), a.reserved());
        assertEquals(BigInteger.TWO, a.frozen());
        assertEquals(BigInteger.ONE.shiftLeft(127), a.flags());
        assertEquals(BigInteger.TEN.pow(18).add(BigInteger.valueOf(7)), a.total());
        assertEquals(BigInteger.TEN.pow(18).subtract(BigInteger.TWO), a.transferable());
    }

    @Test
    void rejectsTruncatedAndTrailingBytes() {
        assertThrows(ScaleException.class, () -> AccountInfo.decode(Hex.decode(ENCODED.substring(0, 40))));
        assertThrows(ScaleException.class, () -> AccountInfo.decode(Hex.decode(ENCODED + "00")));
    }

    @Test
    void frozenAboveFreeLeavesNothingTransferable() {
        AccountInfo a = new AccountInfo(0, 0, 1, 0, BigInteger.ONE, BigInteger.ZERO, BigInteger.TEN, BigInteger.ZERO);
        assertEquals(BigInteger.ZERO, a.transferable());
    }
}
