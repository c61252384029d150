package org.hamster.pallet.resourceorder;

import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;

/**
 * A rental agreement's state (SCALE enum): USING while the lease runs, FINISHED once it reached its end (rent paid,
 * pledge unlocked), PUNISHED when the provider missed its heartbeats (unserved rent refunded, pledge slashed).
 */
public enum AgreementStatus {
    USING, FINISHED, PUNISHED;

    public static final Codec<AgreementStatus> CODEC = Codecs.of((w, s) -> w.u8(s.ordinal()), r -> {
        int i = r.u8();
        if (i >= values().length) {
            throw new ScaleException("bad AgreementStatus " + i);
        }
        return values()[i];
    });
}
