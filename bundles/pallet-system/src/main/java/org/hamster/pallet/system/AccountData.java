package org.hamster.pallet.system;

import java.math.BigInteger;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleWriter;

/** pallet_balances::AccountData: free, reserved, frozen balances and flags (u128 each). */
public record AccountData(BigInteger free, BigInteger reserved, BigInteger frozen, BigInteger flags) {
    /** The flags value Substrate sets on new accounts (new logic marker bit 127). */
    public static final BigInteger NEW_LOGIC = BigInteger.ONE.shiftLeft(127);
    public static final AccountData EMPTY = new AccountData(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
            NEW_LOGIC);
    public static final Codec<AccountData> CODEC = Codecs.of(AccountData::encode,
            r -> new AccountData(r.u128(), r.u128(), r.u128(), r.u128()));

    public BigInteger total() {
        return free.add(reserved);
    }

    /** Free balance that is not frozen. */
    public BigInteger usable() {
        BigInteger u = free.subtract(frozen);
        return u.signum() < 0 ? BigInteger.ZERO : u;
    }

    public AccountData withFree(BigInteger f) {
        return new AccountData(f, reserved, frozen, flags);
    }

    public AccountData withReserved(BigInteger r) {
        return new AccountData(free, r, frozen, flags);
    }

    public AccountData withFrozen(BigInteger f) {
        return new AccountData(free, reserved, f, flags);
    }

    private static void encode(ScaleWriter w, AccountData d) {
        w.u128(d.free).u128(d.reserved).u128(d.frozen).u128(d.flags);
    }
}
