package org.hamster.p2p.internal.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamster.p2p.Connection;
import org.hamster.p2p.ConnectionListener;
import org.hamster.p2p.PeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of a host by peer, the connection limit (handshaking ones count too) and the listeners told
 * about connections coming and going.
 */
public final class ConnectionManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionManager.class);
    private final Map<PeerId, List<ConnectionImpl>> byPeer = new ConcurrentHashMap<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger slots = new AtomicInteger();
    private final int max;

    ConnectionManager(int max) {
        this.max = max;
    }

    /** Takes a connection slot; false when all are taken. */
    boolean tryReserve() {
        if (slots.incrementAndGet() > max) {
            slots.decrementAndGet();
            return false;
        }
        return true;
    }

    void release() {
        slots.decrementAndGet();
    }

    void add(ConnectionImpl c) {
        byPeer.computeIfAbsent(c.remotePeer(), p -> new CopyOnWriteArrayList<>()).add(c);
        LOG.debug("connected: {}", c);
        c.closeFuture().whenComplete((v, e) -> {
            byPeer.computeIfPresent(c.remotePeer(), (p, list) -> {
                list.remove(c);
                return list.isEmpty() ? null : list;
            });
            LOG.debug("disconnected: {}", c);
            listeners.forEach(l -> notify(() -> l.disconnected(c)));
        });
        listeners.forEach(l -> notify(() -> l.connected(c)));
    }

    /** The newest open connection to {@code peer}. */
    Optional<ConnectionImpl> best(PeerId peer) {
        List<ConnectionImpl> list = byPeer.getOrDefault(peer, List.of());
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).isOpen()) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    List<Connection> all() {
        List<Connection> out = new ArrayList<>();
        byPeer.values().forEach(out::addAll);
        return out;
    }

    List<Connection> of(PeerId peer) {
        return List.copyOf(byPeer.getOrDefault(peer, List.of()));
    }

    void addListener(ConnectionListener l) {
        listeners.add(l);
    }

    void removeListener(ConnectionListener l) {
        listeners.remove(l);
    }

    private static void notify(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("a connection listener failed", e);
        }
    }
}
