package org.hamster.chain.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hamster.chain.AccountId;
import org.hamster.common.Hex;
import org.hamster.crypto.DevAccounts;
import org.junit.jupiter.api.Test;

class CallsTest {
    /** subkey inspect --scheme ed25519 //Bob */
    private static final String BOB = "d17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69";
    private static final BigInteger ONE_HAM = BigInteger.TEN.pow(12);
    private final Calls calls = Calls.dev();
    private final AccountId bob = AccountId.of(DevAccounts.publicKey("Bob"));

    @Test
    void devAccountMatchesSubkey() {
        assertEquals("0x" + BOB, Hex.encode(bob.publicKey()));
    }

    @Test
    void transferAllowDeathIsBalancesZeroWithMultiAddressAndCompactValue() {
        // 10^12 = 0xe8d4a51000: compact big-integer mode, 5 bytes -> prefix 0x07, then little-endian
        assertEquals("0x020000" + BOB + "070010a5d4e8", Hex.encode(calls.transferAllowDeath(bob, ONE_HAM)));
    }

    @Test
    void transferKeepAliveAndTransferAll() {
        assertEquals("0x020300" + BOB + "04", Hex.encode(calls.transferKeepAlive(bob, BigInteger.ONE)));
        assertEquals("0x020400" + BOB + "01", Hex.encode(calls.transferAll(bob, true)));
        assertEquals("0x020400" + BOB + "00", Hex.encode(calls.transferAll(bob, false)));
    }

    @Test
    void smallCompactValues() {
        // 69 needs the two-byte mode: (69 << 2) | 1 = 0x0115, little-endian
        assertEquals("0x020300" + BOB + "1501", Hex.encode(calls.transferKeepAlive(bob, BigInteger.valueOf(69))));
    }

    @Test
    void remarkAndSudo() {
        byte[] remark = calls.remark("hi".getBytes(StandardCharsets.UTF_8));
        assertEquals("0x0000086869", Hex.encode(remark));
        assertEquals("0x07070c616263", Hex.encode(new Calls(Map.of("System", 7)).remarkWithEvent(
                "abc".getBytes(StandardCharsets.UTF_8))));
        assertEquals("0x04000000086869", Hex.encode(calls.sudo(remark)));
    }

    @Test
    void customPalletIndices() {
        Calls c = new Calls(Map.of("Balances", 5));
        assertEquals("0x050000" + BOB + "04", Hex.encode(c.transferAllowDeath(bob, BigInteger.ONE)));
        assertArrayEquals(new byte[] {5, 9, 1, 2}, c.call("Balances", 9, new byte[] {1, 2}));
    }

    @Test
    void rejectsUnknownPalletAndBadAmounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calls.call("Nonesuch", 0, new byte[0]));
        assertTrue(e.getMessage().contains("Nonesuch"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> calls.transferKeepAlive(bob, BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class,
                () -> calls.transferKeepAlive(bob, BigInteger.ONE.shiftLeft(128)));
        assertThrows(IllegalArgumentException.class, () -> calls.call("System", 256, new byte[0]));
    }
}
