package org.hamster.pallet.system;

import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** frame_support DispatchInfo: weight (ref_time, proof_size), class and whether the fee is paid. */
public record DispatchInfo(long refTime, long proofSize, int dispatchClass, boolean paysFee) {
    public static final int NORMAL = 0;
    public static final int OPERATIONAL = 1;
    public static final int MANDATORY = 2;

    public void encode(ScaleWriter w) {
        w.compact(refTime).compact(proofSize).u8(dispatchClass).u8(paysFee ? 0 : 1);
    }

    public static DispatchInfo decode(ScaleReader r) {
        long ref = r.compactLong();
        long proof = r.compactLong();
        int cls = r.u8();
        int pays = r.u8();
        if (cls > 2 || pays > 1) {
            throw new org.hamster.codec.ScaleException("bad DispatchInfo");
        }
        return new DispatchInfo(ref, proof, cls, pays == 0);
    }
}
