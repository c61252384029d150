package org.hamster.pallet.resourceorder;

import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;

/** An order's state (SCALE enum): PENDING until the provider executes it (FINISHED) or it is canceled or times out. */
public enum OrderStatus {
    PENDING, FINISHED, CANCELED;

    public static final Codec<OrderStatus> CODEC = Codecs.of((w, s) -> w.u8(s.ordinal()), r -> {
        int i = r.u8();
        if (i >= values().length) {
            throw new ScaleException("bad OrderStatus " + i);
        }
        return values()[i];
    });
}
