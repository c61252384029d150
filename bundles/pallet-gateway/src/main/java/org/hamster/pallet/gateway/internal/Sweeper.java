package org.hamster.pallet.gateway.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.State;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.GatewayStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes silent gateways at the start of each block with bounded work. Every gateway has one entry in the
 * liveness schedule, in the slot ({@code time / slotMs}) of its deadline (last heartbeat + tolerance) as it was
 * when the entry was written; heartbeats do not touch the schedule. A slot is processed once it is over
 * ({@code (slot + 1) * slotMs <= now}): an entry whose gateway has heartbeated since is moved to the slot of the
 * new deadline (lazy rescheduling), one whose deadline has passed is removed. Slot keys sort by time, so the
 * earliest pending slot is the schedule's first key: the stored keys are the cursor, and idle stretches of the
 * chain (instant seal) cost one seek, not one read per empty slot. At most maxChecksPerBlock entries and
 * maxRemovalsPerBlock removals per block; the rest waits, in order, for the next block.
 */
final class Sweeper {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private Sweeper() {
    }

    static void run(RuntimeContext ctx, GatewayLogic logic) {
        GatewayConfig cfg = logic.config();
        State s = ctx.state();
        long now = ctx.now();
        long firstOpenSlot = logic.slotOf(now);
        byte[] prefix = GatewayStorage.LIVENESS_SCHEDULE.prefix();
        Map<Long, List<String>> moved = new TreeMap<>();
        Registry.Bootstrap bootstrap = null;
        int checks = 0;
        int removals = 0;
        while (checks < cfg.maxChecksPerBlock() && removals < cfg.maxRemovalsPerBlock()) {
            List<byte[]> first = s.keys(prefix, null, 1);
            if (first.isEmpty()) {
                break;
            }
            long slot = GatewayStorage.LIVENESS_SCHEDULE.keyOf(first.get(0));
            if (slot >= firstOpenSlot) {
                break;
            }
            List<String> due = GatewayStorage.LIVENESS_SCHEDULE.get(s, slot);
            if (due.isEmpty()) {
                checks++;
            }
            int i = 0;
            for (; i < due.size() && checks < cfg.maxChecksPerBlock() && removals < cfg.maxRemovalsPerBlock(); i++) {
                checks++;
                String peerId = due.get(i);
                GatewayInfo info = GatewayStorage.GATEWAYS.get(s, peerId);
                if (info == null) {
                    LOG.warn("Liveness slot {} names gateway {}, which is not registered; skipped", slot, peerId);
                } else if (info.nextCheck() != slot) {
                    LOG.warn("Liveness slot {} names gateway {}, whose check is in slot {}; skipped", slot, peerId,
                            info.nextCheck());
                } else if (info.deadline(cfg.heartbeatToleranceMs()) < now) {
                    if (bootstrap == null) {
                        bootstrap = Registry.Bootstrap.load(s);
                    }
                    logic.removeSilent(ctx, peerId, info, bootstrap);
                    removals++;
                } else {
                    // heartbeated since this entry was written: its deadline is now or later, so its slot is open
                    long next = logic.slotOf(info.deadline(cfg.heartbeatToleranceMs()));
                    GatewayStorage.GATEWAYS.put(s, peerId, info.withNextCheck(next));
                    moved.computeIfAbsent(next, k -> new ArrayList<>()).add(peerId);
                }
            }
            Registry.putSlot(s, slot, due.subList(i, due.size()));
        }
        moved.forEach((slot, peerIds) -> Registry.schedule(s, slot, peerIds));
        if (bootstrap != null) {
            bootstrap.store(s);
        }
        if (checks > 0) {
            LOG.debug("Liveness sweep at {}: {} checks, {} removals, {} rescheduled", now, checks, removals,
                    moved.values().stream().mapToInt(List::size).sum());
        }
    }
}
