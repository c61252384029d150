package org.hamster.p2p;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/** A secured, multiplexed connection to one authenticated peer. */
@ProviderType
public interface Connection {
    /** The peer, proven by the security handshake. */
    PeerId remotePeer();

    Multiaddr remoteAddress();

    Multiaddr localAddress();

    Direction direction();

    /** True for connections through a circuit relay (remote address {@code .../p2p/<relay>/p2p-circuit}). */
    default boolean isRelayed() {
        return remoteAddress().isRelayed();
    }

    boolean isOpen();

    /** Opens a stream and negotiates the first of {@code protocols} the remote supports, in order of preference. */
    CompletableFuture<Stream> newStream(List<String> protocols);

    default CompletableFuture<Stream> newStream(String protocol) {
        return newStream(List.of(protocol));
    }

    /** Bytes in and out on this connection's wire (for a relayed one: inside the circuit) since it opened. */
    Traffic traffic();

    /** The number of open streams. */
    int streamCount();

    /** Tells the remote (yamux go-away) and closes; open streams end with {@code CONNECTION_CLOSED}. */
    CompletableFuture<Void> close();

    CompletableFuture<Void> closeFuture();
}
