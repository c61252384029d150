package org.hamster.chain.client;

import java.math.BigInteger;
import org.hamster.codec.ScaleReader;

/**
 * System.Account of one account: frame_system AccountInfo (nonce and reference counters as u32) with
 * pallet_balances AccountData (free, reserved, frozen, flags as u128). An absent account reads as {@link #EMPTY}.
 */
public record AccountInfo(long nonce, long consumers, long providers, long sufficients, BigInteger free,
        BigInteger reserved, BigInteger frozen, BigInteger flags) {
    public static final AccountInfo EMPTY = new AccountInfo(0, 0, 0, 0, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO, BigInteger.ZERO);

    /** Decodes the storage value; ScaleException on malformed or trailing bytes. */
    public static AccountInfo decode(byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        AccountInfo a = new AccountInfo(r.u32(), r.u32(), r.u32(), r.u32(), r.u128(), r.u128(), r.u128(), r.u128());
        r.expectEnd();
        return a;
    }

    public BigInteger total() {
        return free.add(reserved);
    }

    /** Free balance that is not frozen (what a transfer can spend, before the existential deposit). */
    public BigInteger transferable() {
        BigInteger t = free.subtract(frozen);
        return t.signum() < 0 ? BigInteger.ZERO : t;
    }
}
