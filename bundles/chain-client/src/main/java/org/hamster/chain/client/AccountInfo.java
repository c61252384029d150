package org.hamster.chain.client;

import java.math.BigInteger;
import org.hamster.pallet.system.AccountData;

/**
 * System.Account of one account: frame_system AccountInfo (nonce and reference counters as u32) with
 * pallet_balances AccountData (free, reserved, frozen, flags as u128), flattened from the System pallet's
 * {@code AccountInfo}. An absent account reads as {@link #EMPTY}.
 */
public record AccountInfo(long nonce, long consumers, long providers, long sufficients, BigInteger free,
        BigInteger reserved, BigInteger frozen, BigInteger flags) {
    public static final AccountInfo EMPTY = new AccountInfo(0, 0, 0, 0, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO, BigInteger.ZERO);

    /** Decodes the storage value with the System pallet's codec; ScaleException on malformed or trailing bytes. */
    public static AccountInfo decode(byte[] bytes) {
        org.hamster.pallet.system.AccountInfo a = org.hamster.pallet.system.AccountInfo.CODEC.decodeAll(bytes);
        AccountData d = a.data();
        return new AccountInfo(a.nonce(), a.consumers(), a.providers(), a.sufficients(), d.free(), d.reserved(),
                d.frozen(), d.flags());
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
