package org.hamster.pallet.resourceorder.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamster.chain.spi.State;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ScheduledTask;
import org.hamster.pallet.resourceorder.ScheduledTask.Kind;

/**
 * Where each task goes in ResourceOrder.Schedule. A task keyed in slot n runs in the first block whose time is at
 * least {@code n x slotMs}. Every slot is a pure function of the item's stored fields, so moving a task (a
 * heartbeat, a renewal) deletes the old key and writes the new one; a handler that finds its item not yet due
 * (a stale key) puts it back where it belongs.
 */
final class TaskSchedule {
    private static final byte[] UNIT = new byte[0];
    private final OrderConfig cfg;

    TaskSchedule(OrderConfig cfg) {
        this.cfg = cfg;
    }

    /** The first slot starting at or after {@code time}. */
    long slotAtOrAfter(long time) {
        long q = Math.floorDiv(time, cfg.slotMs());
        return Math.floorMod(time, cfg.slotMs()) == 0 ? q : q + 1;
    }

    /** The first slot starting strictly after {@code time}. */
    long slotAfter(long time) {
        return Math.floorDiv(time, cfg.slotMs()) + 1;
    }

    /** The last heartbeat allowed: the grace after the start, then the tolerance after the last heartbeat. */
    long deadline(RentalAgreement a) {
        return Math.max(a.lastHeartbeat(), a.start() + cfg.graceAllowance()) + cfg.heartbeatTolerance();
    }

    /** Whether the agreement needs a health check: its deadline comes before its end. */
    boolean checked(RentalAgreement a) {
        return deadline(a) < a.end();
    }

    void scheduleAgreement(State s, RentalAgreement a) {
        put(s, new ScheduledTask(slotAtOrAfter(a.end()), Kind.AGREEMENT_END, a.id()));
        if (checked(a)) {
            put(s, new ScheduledTask(slotAfter(deadline(a)), Kind.HEALTH_CHECK, a.id()));
        }
    }

    void unscheduleAgreement(State s, RentalAgreement a) {
        ResourceOrderStorage.SCHEDULE.remove(s, new ScheduledTask(slotAtOrAfter(a.end()), Kind.AGREEMENT_END, a.id()));
        if (checked(a)) {
            ResourceOrderStorage.SCHEDULE.remove(s, new ScheduledTask(slotAfter(deadline(a)), Kind.HEALTH_CHECK,
                    a.id()));
        }
    }

    ScheduledTask timeout(Order o) {
        return new ScheduledTask(slotAtOrAfter(o.createdAt() + cfg.orderTimeout()), Kind.ORDER_TIMEOUT, o.id());
    }

    /** Whether a pending order has waited its orderTimeout at {@code now}. */
    boolean timedOut(Order o, long now) {
        return now >= o.createdAt() + cfg.orderTimeout();
    }

    void scheduleTimeout(State s, Order o) {
        put(s, timeout(o));
    }

    void unscheduleTimeout(State s, Order o) {
        ResourceOrderStorage.SCHEDULE.remove(s, timeout(o));
    }

    /** Deletes a closed item once historyRetention has passed after {@code closedAt}. */
    void schedulePurge(State s, Kind kind, long id, long closedAt) {
        put(s, new ScheduledTask(slotAtOrAfter(closedAt + cfg.historyRetention()), kind, id));
    }

    void put(State s, ScheduledTask t) {
        ResourceOrderStorage.SCHEDULE.put(s, t, UNIT);
    }

    /** Up to maxScheduledPerBlock tasks due at {@code now}, earliest first; they are removed from the schedule. */
    List<ScheduledTask> takeDue(State s, long now) {
        long current = Math.floorDiv(now, cfg.slotMs());
        List<ScheduledTask> out = new ArrayList<>();
        for (Map.Entry<ScheduledTask, byte[]> e : ResourceOrderStorage.SCHEDULE.page(s, null,
                cfg.maxScheduledPerBlock())) {
            if (e.getKey().slot() > current) {
                break;
            }
            ResourceOrderStorage.SCHEDULE.remove(s, e.getKey());
            out.add(e.getKey());
        }
        return out;
    }
}
