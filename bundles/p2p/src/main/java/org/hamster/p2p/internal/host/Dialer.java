package org.hamster.p2p.internal.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;

/**
 * Dials peers: reuses an open connection, joins a dial already under way, otherwise tries the given and the
 * known addresses one after the other with the first transport that can dial each.
 */
final class Dialer {
    private static final String MISMATCH = "[wrong peer] ";
    private final PeerId self;
    private final ConnectionManager connections;
    private final AddressBook book;
    private final Supplier<List<Transport>> transports;
    private final Map<PeerId, CompletableFuture<Connection>> pending = new ConcurrentHashMap<>();

    Dialer(PeerId self, ConnectionManager connections, AddressBook book, Supplier<List<Transport>> transports) {
        this.self = self;
        this.connections = connections;
        this.book = book;
        this.transports = transports;
    }

    CompletableFuture<Connection> dial(PeerId peer, Collection<Multiaddr> given) {
        if (self.equals(peer)) {
            return CompletableFuture.failedFuture(new P2pException(P2pException.Reason.DIAL_FAILED,
                    "a host does not dial itself"));
        }
        if (peer == null) {
            return attempt(null, new ArrayList<>(given));
        }
        Optional<ConnectionImpl> open = connections.best(peer);
        if (open.isPresent()) {
            return CompletableFuture.completedFuture(open.get());
        }
        book.add(peer, given.stream().filter(a -> a.peerId().map(peer::equals).orElse(true)).toList());
        CompletableFuture<Connection> mine = new CompletableFuture<>();
        CompletableFuture<Connection> running = pending.putIfAbsent(peer, mine);
        if (running != null) {
            return running;
        }
        attempt(peer, book.get(peer)).whenComplete((c, e) -> {
            pending.remove(peer, mine);
            if (e != null) {
                mine.completeExceptionally(e instanceof CompletionException ? e.getCause() : e);
            } else {
                mine.complete(c);
            }
        });
        return mine;
    }

    /** A new connection to {@code peer} over {@code address} alone: no reuse, no joining, no address book. */
    CompletableFuture<Connection> connect(PeerId peer, Multiaddr address) {
        if (self.equals(peer)) {
            return CompletableFuture.failedFuture(new P2pException(P2pException.Reason.DIAL_FAILED,
                    "a host does not dial itself"));
        }
        if (address.peerId().filter(p -> !p.equals(peer)).isPresent()) {
            return CompletableFuture.failedFuture(new P2pException(P2pException.Reason.PEER_ID_MISMATCH,
                    address + " is not an address of " + peer));
        }
        return attempt(peer, List.of(address));
    }

    private CompletableFuture<Connection> attempt(PeerId peer, List<Multiaddr> addresses) {
        Set<Multiaddr> candidates = new LinkedHashSet<>(addresses);
        if (candidates.isEmpty()) {
            return CompletableFuture.failedFuture(new P2pException(P2pException.Reason.DIAL_FAILED,
                    "no address known for " + peer));
        }
        CompletableFuture<Connection> result = new CompletableFuture<>();
        next(peer, new ArrayList<>(candidates), 0, new ArrayList<>(), result);
        return result;
    }

    private void next(PeerId peer, List<Multiaddr> addresses, int i, List<String> errors,
            CompletableFuture<Connection> result) {
        if (i >= addresses.size()) {
            boolean impostor = errors.stream().anyMatch(m -> m.startsWith(MISMATCH));
            result.completeExceptionally(new P2pException(impostor ? P2pException.Reason.PEER_ID_MISMATCH
                    : P2pException.Reason.DIAL_FAILED, "cannot reach " + (peer == null ? addresses : peer) + ": "
                    + String.join("; ", errors)));
            return;
        }
        Multiaddr address = addresses.get(i);
        Optional<Transport> transport = transports.get().stream().filter(t -> t.canDial(address)).findFirst();
        if (transport.isEmpty()) {
            errors.add(address + ": no transport");
            next(peer, addresses, i + 1, errors, result);
            return;
        }
        transport.get().dial(address, peer).whenComplete((c, e) -> {
            if (e == null) {
                result.complete(c);
            } else {
                Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                boolean impostor = cause instanceof P2pException p
                        && p.reason() == P2pException.Reason.PEER_ID_MISMATCH;
                errors.add((impostor ? MISMATCH : "") + cause.getMessage());
                next(peer, addresses, i + 1, errors, result);
            }
        });
    }
}
