package org.hamster.chain.client;

import java.util.List;
import java.util.Optional;
import org.hamster.chain.EventRecord;
import org.hamster.chain.H256;

/** An extrinsic included in a block: where it landed and the events it emitted (in order). */
public record TxInBlock(H256 txHash, H256 blockHash, int extrinsicIndex, List<EventRecord> events) {
    public TxInBlock {
        events = List.copyOf(events);
    }

    /** The first event of the given pallet and event index, e.g. a pallet's "created" event carrying a new id. */
    public Optional<EventRecord> find(int palletIndex, int eventIndex) {
        return events.stream().filter(e -> e.palletIndex() == palletIndex && e.eventIndex() == eventIndex)
                .findFirst();
    }
}
