package org.hamster.explorer.internal;

import java.util.ArrayList;
import java.util.List;
import org.hamster.chain.EventRecord;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.client.RuntimeLayout;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.common.Hex;
import org.hamster.crypto.Blake2b;
import org.hamster.pallet.system.SystemStorage;

/**
 * A block as the explorer shows it, from what the node returns: the header, the opaque extrinsics, and the raw
 * values of Timestamp.Now and System.Events at the block (null when absent).
 */
record RawBlock(H256 hash, Header header, List<byte[]> body, byte[] now, byte[] events) {
    /** System's ExtrinsicSuccess and ExtrinsicFailed event indices. */
    private static final int EXTRINSIC_SUCCESS = 0;
    private static final int EXTRINSIC_FAILED = 1;

    Views.BlockSummary summary() {
        return new Views.BlockSummary(header.number(), hash.hex(), header.parentHash().hex(), timestamp(), body.size(),
                eventCount());
    }

    Views.Block view(RuntimeLayout layout, Decoder decoder) {
        List<EventRecord> records = decodeEvents(layout);
        Integer system = layout.palletIndices().get(SystemStorage.PALLET);
        List<Views.Extrinsic> extrinsics = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            extrinsics.add(extrinsic(i, body.get(i), outcome(records, system, i, decoder), decoder));
        }
        List<Views.Event> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            EventRecord e = records.get(i);
            events.add(new Views.Event(i, e.extrinsicIndex() < 0 ? null : e.extrinsicIndex(), phase(e),
                    decoder.palletName(e.palletIndex()), decoder.eventName(e), decoder.eventFields(e)));
        }
        return new Views.Block(header.number(), hash.hex(), header.parentHash().hex(), header.stateRoot().hex(),
                header.extrinsicsRoot().hex(), timestamp(), extrinsics, events);
    }

    /** The block's time (Timestamp.Now at the block) as ISO-8601, null if the node has none. */
    String timestamp() {
        return now == null || now.length != 8 ? null : Decoder.instant(new ScaleReader(now).u64());
    }

    /** The length prefix of System.Events; 0 without events. */
    int eventCount() {
        return events == null ? 0 : (int) new ScaleReader(events).compactLong();
    }

    private List<EventRecord> decodeEvents(RuntimeLayout layout) {
        if (events == null) {
            return List.of();
        }
        try {
            return layout.decodeEvents(events);
        } catch (ScaleException e) { // a pallet the layout cannot walk: the extrinsics are still worth showing
            return List.of();
        }
    }

    /** Whether extrinsic {@code index} succeeded, and its error: from System's events of its phase. */
    private record Outcome(Boolean success, String error) {
    }

    private static Outcome outcome(List<EventRecord> records, Integer system, int index, Decoder decoder) {
        for (EventRecord e : records) {
            if (system == null || e.extrinsicIndex() != index || e.palletIndex() != system) {
                continue;
            }
            if (e.eventIndex() == EXTRINSIC_SUCCESS) {
                return new Outcome(true, null);
            }
            if (e.eventIndex() == EXTRINSIC_FAILED) {
                try {
                    ScaleReader r = new ScaleReader(e.fields());
                    return new Outcome(false, decoder.dispatchError(r));
                } catch (ScaleException | IllegalArgumentException | ClassCastException | ArithmeticException x) {
                    return new Outcome(false, null);
                }
            }
        }
        return new Outcome(null, null);
    }

    private static Views.Extrinsic extrinsic(int index, byte[] opaque, Outcome outcome, Decoder decoder) {
        String hash = Hex.encode(Blake2b.hash256(opaque));
        try {
            Extrinsic x = Extrinsic.decode(opaque);
            Decoder.DecodedCall call = decoder.call(x.call());
            return new Views.Extrinsic(index, hash, x.signed() ? x.signer().ss58() : null, x.signed() ? x.nonce() : null,
                    call.pallet(), call.call(), call.args(), outcome.success(), outcome.error());
        } catch (ScaleException e) {
            return new Views.Extrinsic(index, hash, null, null, null, null,
                    java.util.Map.of(Decoder.RAW, Hex.encode(opaque)), outcome.success(), outcome.error());
        }
    }

    private static String phase(EventRecord e) {
        return switch (e.phase()) {
            case APPLY_EXTRINSIC -> "ApplyExtrinsic";
            case INITIALIZATION -> "Initialization";
            case FINALIZATION -> "Finalization";
        };
    }
}
