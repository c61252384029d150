package org.hamster.p2p;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A libp2p node: listens, dials, keeps one or more connections per peer and opens streams on them. Every host
 * serves ping and identify. Hosts come from {@link Hosts#create(HostConfig)}; closing one closes its listeners
 * and connections.
 */
@ProviderType
public interface Host extends AutoCloseable {
    String PING = "/ipfs/ping/1.0.0";
    String IDENTIFY = "/ipfs/id/1.0.0";

    PeerId peerId();

    /** Starts listening on {@code address} (e.g. {@code /ip4/127.0.0.1/tcp/0}); completes with the bound address. */
    CompletableFuture<Multiaddr> listen(Multiaddr address);

    /** The bound listen addresses, without {@code /p2p}. */
    List<Multiaddr> listenAddresses();

    /**
     * A connection to {@code peer}: an open one if there is one, else the first of {@code addresses} (plus those
     * known from earlier) that connects and proves to be {@code peer}.
     */
    CompletableFuture<Connection> dial(PeerId peer, Collection<Multiaddr> addresses);

    /** Dials an address ending in {@code /p2p/<peer>}; without one, any peer that answers is accepted. */
    CompletableFuture<Connection> dial(Multiaddr address);

    /**
     * A new connection to {@code peer} over exactly {@code address} (TCP, or a circuit
     * {@code .../p2p/<relay>/p2p-circuit[/p2p/<peer>]}): unlike {@link #dial(PeerId, Collection)} no open
     * connection is reused and no other address is tried, so the caller chooses the path. The address book is
     * left as it is.
     */
    CompletableFuture<Connection> connect(PeerId peer, Multiaddr address);

    /** Opens a stream to {@code peer} on an existing connection, dialing its known addresses if needed. */
    CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols);

    default CompletableFuture<Stream> newStream(PeerId peer, String protocol) {
        return newStream(peer, List.of(protocol));
    }

    /** Serves inbound streams of {@code protocol} with {@code handler}, replacing an earlier handler. */
    void setStreamHandler(String protocol, StreamHandler handler);

    void removeStreamHandler(String protocol);

    /** The protocols inbound streams may ask for. */
    Set<String> protocols();

    List<Connection> connections();

    List<Connection> connections(PeerId peer);

    /** Remembers addresses of {@code peer} for later dials. */
    void addAddresses(PeerId peer, Collection<Multiaddr> addresses);

    List<Multiaddr> addresses(PeerId peer);

    void addConnectionListener(ConnectionListener listener);

    void removeConnectionListener(ConnectionListener listener);

    /** One ping round trip ({@code /ipfs/ping/1.0.0}) to {@code peer}. */
    CompletableFuture<Duration> ping(PeerId peer);

    /** Asks {@code peer} who it is ({@code /ipfs/id/1.0.0}); its listen addresses are remembered. */
    CompletableFuture<PeerInfo> identify(PeerId peer);

    /** Bytes in and out over all TCP connections since the host started (the relay's traffic included). */
    Traffic traffic();

    /** The relay hop service's reservations and circuits, if {@link HostConfig#relay()} enabled it. */
    Optional<RelayStatus> relayStatus();

    /** Closes listeners and connections and stops the I/O threads. */
    @Override
    void close();
}
