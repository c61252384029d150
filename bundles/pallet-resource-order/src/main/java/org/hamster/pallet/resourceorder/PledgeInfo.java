package org.hamster.pallet.resourceorder;

import java.math.BigInteger;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;

/**
 * A provider's pledge (ResourceOrder.Pledges): {@code total} is held as reserved balance of the provider;
 * {@code locked} (at most total) backs running agreements 1:1 with what their tenants paid. Only the free part
 * {@code total - locked} can be withdrawn or locked for a new agreement. SCALE: {@code (u128, u128)}.
 */
public record PledgeInfo(BigInteger total, BigInteger locked) {
    public static final PledgeInfo EMPTY = new PledgeInfo(BigInteger.ZERO, BigInteger.ZERO);
    public static final Codec<PledgeInfo> CODEC = Codecs.of((w, p) -> w.u128(p.total).u128(p.locked),
            r -> new PledgeInfo(r.u128(), r.u128()));

    public BigInteger free() {
        return total.subtract(locked).max(BigInteger.ZERO);
    }
}
