package org.hamster.chain.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hamster.chain.EventRecord;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.chain.support.OverlayState;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context of one block under construction (or of genesis): overlay state, events, block number and time. */
final class BlockContext implements RuntimeContext {
    private static final Logger LOG = LoggerFactory.getLogger(BlockContext.class);
    private final RuntimeModules modules;
    private final OverlayState state;
    private final long number;
    private final long now;
    private final List<EventRecord> events = new ArrayList<>();
    private EventRecord.Phase phase = EventRecord.Phase.INITIALIZATION;
    private int extrinsicIndex = -1;

    BlockContext(RuntimeModules modules, OverlayState state, long number, long now) {
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

    RuntimeModules modules() {
        return modules;
    }

    void phase(EventRecord.Phase p, int xt) {
        phase = p;
        extrinsicIndex = xt;
    }

    List<EventRecord> events() {
        return events;
    }

    int eventMark() {
        return events.size();
    }

    void truncateEvents(int mark) {
        events.subList(mark, events.size()).clear();
    }

    @Override
    public void deposit(PalletEvent event) {
        ScaleWriter w = new ScaleWriter(64);
        event.encodeFields(w);
        events.add(new EventRecord(phase, extrinsicIndex, modules.indexOf(event.pallet()), event.eventIndex(),
                w.toByteArray(), List.of()));
    }

    @Override
    public int palletIndex(String pallet) {
        return modules.indexOf(pallet);
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return modules.service(type);
    }

    @Override
    public void dispatch(Origin origin, byte[] call) throws DispatchException {
        RuntimeModules.Decoded d;
        try {
            d = modules.decodeAll(call);
        } catch (ScaleException e) {
            throw new DispatchException(org.hamster.chain.DispatchError.other("undecodable call: " + e.getMessage()));
        }
        dispatch(origin, d);
    }

    /** Runs a call in its own transactional layer; on any failure its writes and events are discarded. */
    void dispatch(Origin origin, RuntimeModules.Decoded d) throws DispatchException {
        int mark = eventMark();
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
            throw new DispatchException(org.hamster.chain.DispatchError.other("internal error in " + d.pallet().name()));
        }
    }

    State rawState() {
        return state;
    }
}
