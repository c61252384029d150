package org.hamster.pallet.gateway.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hamster.chain.spi.State;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.GatewayStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Gateway storage items consistent with each other: a gateway is in Gateways, in its owner's
 * AccountGateways, counted in GatewayCount, on the BootstrapList and in exactly one LivenessSchedule slot, or in
 * none of them. A trace that is already missing is logged and skipped, never an exception.
 */
final class Registry {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

    private Registry() {
    }

    /** The bootstrap list, read once, changed in memory and written once (if it changed). */
    static final class Bootstrap {
        private final List<String> list;
        private boolean dirty;

        private Bootstrap(List<String> list) {
            this.list = list;
        }

        static Bootstrap load(State s) {
            return new Bootstrap(new ArrayList<>(GatewayStorage.BOOTSTRAP_LIST.getOr(s, List.of())));
        }

        boolean contains(String multiaddr) {
            return Collections.binarySearch(list, multiaddr) >= 0;
        }

        void add(String multiaddr) {
            int i = Collections.binarySearch(list, multiaddr);
            if (i >= 0) {
                LOG.warn("{} is on the bootstrap list already", multiaddr);
                return;
            }
            list.add(-i - 1, multiaddr);
            dirty = true;
        }

        void remove(String multiaddr) {
            int i = Collections.binarySearch(list, multiaddr);
            if (i < 0) {
                LOG.warn("{} is missing from the bootstrap list; skipped", multiaddr);
                return;
            }
            list.remove(i);
            dirty = true;
        }

        void store(State s) {
            if (!dirty) {
                return;
            }
            if (list.isEmpty()) {
                GatewayStorage.BOOTSTRAP_LIST.kill(s);
            } else {
                GatewayStorage.BOOTSTRAP_LIST.put(s, list);
            }
            dirty = false;
        }
    }

    /** Adds a gateway whose checks (count, per-account bound, duplicates) the caller has made. */
    static void insert(State s, String peerId, GatewayInfo info, Bootstrap bootstrap) {
        GatewayStorage.GATEWAYS.put(s, peerId, info);
        List<String> mine = new ArrayList<>(GatewayStorage.ACCOUNT_GATEWAYS.getOr(s, info.owner(), List.of()));
        mine.add(peerId);
        GatewayStorage.ACCOUNT_GATEWAYS.put(s, info.owner(), mine);
        GatewayStorage.GATEWAY_COUNT.put(s, GatewayStorage.gatewayCount(s) + 1);
        bootstrap.add(info.multiaddr());
        schedule(s, info.nextCheck(), List.of(peerId));
    }

    /**
     * Removes a gateway from every item; its schedule entry too unless {@code unschedule} is false (the sweeper
     * consumes the entry it is processing itself).
     */
    static void detach(State s, String peerId, GatewayInfo info, Bootstrap bootstrap, boolean unschedule) {
        GatewayStorage.GATEWAYS.remove(s, peerId);
        List<String> mine = new ArrayList<>(GatewayStorage.ACCOUNT_GATEWAYS.getOr(s, info.owner(), List.of()));
        if (!mine.remove(peerId)) {
            LOG.warn("Gateway {} is missing from the gateways of {}; skipped", peerId, info.owner());
        } else if (mine.isEmpty()) {
            GatewayStorage.ACCOUNT_GATEWAYS.remove(s, info.owner());
        } else {
            GatewayStorage.ACCOUNT_GATEWAYS.put(s, info.owner(), mine);
        }
        long count = GatewayStorage.gatewayCount(s);
        if (count == 0) {
            LOG.error("GatewayCount is 0 while removing gateway {}; left at 0", peerId);
        } else if (count == 1) {
            GatewayStorage.GATEWAY_COUNT.kill(s);
        } else {
            GatewayStorage.GATEWAY_COUNT.put(s, count - 1);
        }
        bootstrap.remove(info.multiaddr());
        if (unschedule) {
            List<String> due = new ArrayList<>(GatewayStorage.LIVENESS_SCHEDULE.getOr(s, info.nextCheck(), List.of()));
            if (!due.remove(peerId)) {
                LOG.warn("Gateway {} is missing from its liveness slot {}; skipped", peerId, info.nextCheck());
            } else {
                putSlot(s, info.nextCheck(), due);
            }
        }
    }

    /** Appends peer ids to a slot of the liveness schedule. */
    static void schedule(State s, long slot, List<String> peerIds) {
        List<String> due = new ArrayList<>(GatewayStorage.LIVENESS_SCHEDULE.getOr(s, slot, List.of()));
        due.addAll(peerIds);
        putSlot(s, slot, due);
    }

    /** Writes a slot's entries; an empty slot is deleted (the sweeper relies on no empty slot being stored). */
    static void putSlot(State s, long slot, List<String> due) {
        if (due.isEmpty()) {
            GatewayStorage.LIVENESS_SCHEDULE.remove(s, slot);
        } else {
            GatewayStorage.LIVENESS_SCHEDULE.put(s, slot, due);
        }
    }
}
