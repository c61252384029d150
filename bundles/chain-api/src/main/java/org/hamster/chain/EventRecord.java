package org.hamster.chain;

import java.util.List;

/**
 * One entry of System.Events. {@code phase} is ApplyExtrinsic(index) when {@code extrinsicIndex >= 0},
 * otherwise Initialization or Finalization. {@code fields} is the SCALE encoding of the event's fields.
 */
public record EventRecord(Phase phase, int extrinsicIndex, int palletIndex, int eventIndex, byte[] fields,
        List<H256> topics) {
    public enum Phase {
        APPLY_EXTRINSIC, FINALIZATION, INITIALIZATION
    }
}
