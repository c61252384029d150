package org.hamster.p2p.internal.host;

import java.util.concurrent.CompletableFuture;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerId;

/**
 * A way to reach peers: TCP now; a circuit-relay transport is the planned second one. A transport produces raw
 * channels and hands them to the host's {@link Upgrader}, which secures, multiplexes and registers them.
 *
 * <p>Relay (next step): {@code canDial} accepts {@code <relay addr>/p2p/<relay>/p2p-circuit/p2p/<peer>}; dialing
 * opens a {@code /libp2p/circuit/relay/0.2.0/hop} stream to the relay, exchanges CONNECT/STATUS, then
 * {@link StreamChannels#takeOver} hands the stream's channel (a {@code YamuxStreamChannel}, itself a Netty
 * channel) to {@link Upgrader#upgrade} as OUTBOUND. Listening on {@code .../p2p-circuit} reserves a slot on the
 * relay and serves {@code /libp2p/circuit/relay/0.2.0/stop} with a handler that does the same as INBOUND.
 * {@code NestedConnectionTest} shows the upgrade inside a stream. Register the transport with
 * {@link NettyHost#addTransport}.
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
