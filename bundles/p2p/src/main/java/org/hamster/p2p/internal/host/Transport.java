package org.hamster.p2p.internal.host;

import java.util.concurrent.CompletableFuture;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerId;

/**
 * A way to reach peers: {@link TcpTransport} and the circuit relay v2 client
 * ({@link org.hamster.p2p.internal.relay.RelayTransport}: dials {@code .../p2p/<relay>/p2p-circuit/p2p/<peer>}
 * through a hop CONNECT, listens on {@code .../p2p/<relay>/p2p-circuit} by reserving a slot). A transport
 * produces raw channels and hands them to the host's {@link Upgrader}, which secures, multiplexes and registers
 * them; the relay transport upgrades hop and stop streams taken over with {@link StreamChannels#takeOver}.
 * Register further transports with {@link NettyHost#addTransport}.
 */
public interface Transport {
    boolean canDial(Multiaddr address);

    boolean canListen(Multiaddr address);

    /** Dials {@code address} and upgrades the result; {@code expected} is the peer dialed, null for any. */
    CompletableFuture<ConnectionImpl> dial(Multiaddr address, PeerId expected);

    /** Starts accepting on {@code address}; completes with the address actually bound. */
    CompletableFuture<Multiaddr> listen(Multiaddr address);

    /** Stops listening, without waiting; open connections are closed by the host. */
    void close();
}
