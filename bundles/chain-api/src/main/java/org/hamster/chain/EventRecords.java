package org.hamster.chain;

import java.util.ArrayList;
import java.util.List;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** SCALE encoding of Vec&lt;EventRecord&gt;; decoding needs each pallet's field decoder to find field lengths. */
public final class EventRecords {
    /** Skips the fields of one event, returning nothing; throws ScaleException if it cannot. */
    @FunctionalInterface
    public interface FieldSkipper {
        void skip(int palletIndex, int eventIndex, ScaleReader r);
    }

    private EventRecords() {
    }

    public static void encodeOne(ScaleWriter w, EventRecord e) {
        switch (e.phase()) {
            case APPLY_EXTRINSIC -> w.u8(0).u32(e.extrinsicIndex());
            case FINALIZATION -> w.u8(1);
            case INITIALIZATION -> w.u8(2);
            default -> throw new IllegalStateException();
        }
        w.u8(e.palletIndex()).u8(e.eventIndex()).bytes(e.fields());
        w.vec(e.topics(), H256.CODEC::encode);
    }

    public static byte[] encode(List<EventRecord> events) {
        ScaleWriter w = new ScaleWriter(64 * events.size() + 8);
        w.vec(events, EventRecords::encodeOne);
        return w.toByteArray();
    }

    public static List<EventRecord> decode(byte[] bytes, FieldSkipper fields) {
        ScaleReader r = new ScaleReader(bytes);
        int n = r.compactLength();
        List<EventRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int phaseTag = r.u8();
            EventRecord.Phase phase;
            int xt = -1;
            switch (phaseTag) {
                case 0 -> {
                    phase = EventRecord.Phase.APPLY_EXTRINSIC;
                    xt = r.u32AsInt();
                }
                case 1 -> phase = EventRecord.Phase.FINALIZATION;
                case 2 -> phase = EventRecord.Phase.INITIALIZATION;
                default -> throw new ScaleException("bad event phase " + phaseTag);
            }
            int pallet = r.u8();
            int event = r.u8();
            int start = r.position();
            fields.skip(pallet, event, r);
            byte[] raw = r.copyRange(start, r.position() - start);
            out.add(new EventRecord(phase, xt, pallet, event, raw, r.vec(H256.CODEC::decode)));
        }
        r.expectEnd();
        return out;
    }
}
