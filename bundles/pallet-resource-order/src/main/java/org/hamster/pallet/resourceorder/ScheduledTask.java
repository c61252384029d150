package org.hamster.pallet.resourceorder;

import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;

/**
 * A ResourceOrder.Schedule key: task {@code kind} on order/agreement {@code id}, due in {@code slot} (chain time /
 * slotMs). Encoded as the slot in 8 big-endian bytes, the kind (u8) and the id (u64, SCALE), so that keys sort by
 * due time; within a slot, kinds run in declaration order.
 */
public record ScheduledTask(long slot, Kind kind, long id) {
    /** What falls due. */
    public enum Kind {
        /** A pending order reached orderTimeout: refund, Canceled. */
        ORDER_TIMEOUT,
        /** An agreement's heartbeat deadline passed: punish unless a heartbeat moved it. */
        HEALTH_CHECK,
        /** An agreement reached its end: pay the rest, unlock the pledge, Finished. */
        AGREEMENT_END,
        /** A closed order's historyRetention is over: delete it. */
        PURGE_ORDER,
        /** A closed agreement's historyRetention is over: delete it unless rent is left to withdraw. */
        PURGE_AGREEMENT
    }

    public static final Codec<ScheduledTask> CODEC = Codecs.of((w, t) -> {
        for (int i = 7; i >= 0; i--) {
            w.u8((int) (t.slot >>> (8 * i)));
        }
        w.u8(t.kind.ordinal()).u64(t.id);
    }, r -> {
        long slot = 0;
        for (int i = 0; i < 8; i++) {
            slot = (slot << 8) | r.u8();
        }
        int k = r.u8();
        if (k >= Kind.values().length) {
            throw new ScaleException("bad task kind " + k);
        }
        return new ScheduledTask(slot, Kind.values()[k], r.u64());
    });
}
