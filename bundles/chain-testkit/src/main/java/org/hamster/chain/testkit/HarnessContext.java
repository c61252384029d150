package org.hamster.chain.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hamster.chain.DispatchError;
import org.hamster.chain.EventRecord;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.support.OverlayState;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One block of a harness, with the semantics of the node's block context: a call runs in its own transactional
 * layer and a failure discards its writes and events. Every deposited event is checked to be walkable by its
 * pallet's {@code skipEventFields}, so a wrong skipper fails the test that emits the event.
 */
final class HarnessContext implements RuntimeContext {
    private static final Logger LOG = LoggerFactory.getLogger(HarnessContext.class);

    /** An event as recorded in System.Events together with the object the pallet deposited. */
    record Recorded(EventRecord record, PalletEvent event) {
    }

    private final Modules modules;
    private final OverlayState state;
    private final long number;
    private final long now;
    private final List<Recorded> events = new ArrayList<>();
    private EventRecord.Phase phase = EventRecord.Phase.INITIALIZATION;
    private int extrinsicIndex = -1;

    HarnessContext(Modules modules, OverlayState state, long number, long now) {
        this.modules = modules;
        this.state = state;
        this.number = number;
        this.now = now;
    }

    @Override
    public OverlayState state() {
        return state;
    }

    @Override
    public long blockNumber() {
        return number;
    }

    @Override
    public long now() {
        return now;
    }

    void phase(EventRecord.Phase p, int xt) {
        phase = p;
        extrinsicIndex = xt;
    }

    List<Recorded> events() {
        return events;
    }

    void truncateEvents(int mark) {
        events.subList(mark, events.size()).clear();
    }

    @Override
    public void deposit(PalletEvent event) {
        int index = modules.indexOf(event.pallet());
        ScaleWriter w = new ScaleWriter(64);
        event.encodeFields(w);
        byte[] fields = w.toByteArray();
        ScaleReader r = new ScaleReader(fields);
        try {
            modules.pallet(index).skipEventFields(event.eventIndex(), r);
            r.expectEnd();
        } catch (ScaleException e) {
            throw new IllegalStateException(event.pallet() + " cannot skip the fields of its own event " + event
                    + ": " + e.getMessage(), e);
        }
        events.add(new Recorded(new EventRecord(phase, extrinsicIndex, index, event.eventIndex(), fields, List.of()),
                event));
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return modules.service(type);
    }

    @Override
    public int palletIndex(String pallet) {
        return modules.indexOf(pallet);
    }

    @Override
    public void dispatch(Origin origin, byte[] call) throws DispatchException {
        Modules.Decoded d;
        try {
            d = modules.decodeAll(call);
        } catch (ScaleException e) {
            throw new DispatchException(DispatchError.other("undecodable call: " + e.getMessage()));
        }
        int mark = events.size();
        state.begin();
        try {
            d.pallet().dispatch(this, origin, d.call());
            state.commitLayer();
        } catch (DispatchException e) {
            state.rollback();
            truncateEvents(mark);
            throw e;
        } catch (RuntimeException e) {
            state.rollback();
            truncateEvents(mark);
            LOG.error("{} call {} failed unexpectedly; rolled back", d.pallet().name(), d.call().callIndex(), e);
            throw new DispatchException(DispatchError.other("internal error in " + d.pallet().name() + ": " + e));
        }
    }
}
