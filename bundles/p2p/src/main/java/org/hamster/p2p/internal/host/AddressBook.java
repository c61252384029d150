package org.hamster.p2p.internal.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerId;

/** Known addresses per peer (without {@code /p2p}), newest last, at most {@value #MAX_PER_PEER} per peer. */
final class AddressBook {
    static final int MAX_PER_PEER = 32;
    private final Map<PeerId, Set<Multiaddr>> book = new ConcurrentHashMap<>();

    void add(PeerId peer, Collection<Multiaddr> addresses) {
        Set<Multiaddr> set = book.computeIfAbsent(peer, p -> new LinkedHashSet<>());
        synchronized (set) {
            for (Multiaddr a : addresses) {
                Multiaddr bare = a.withoutPeerId();
                set.remove(bare);
                set.add(bare);
            }
            while (set.size() > MAX_PER_PEER) {
                set.remove(set.iterator().next());
            }
        }
    }

    List<Multiaddr> get(PeerId peer) {
        Set<Multiaddr> set = book.get(peer);
        if (set == null) {
            return List.of();
        }
        synchronized (set) {
            return new ArrayList<>(set);
        }
    }
}
