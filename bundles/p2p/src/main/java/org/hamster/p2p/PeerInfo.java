package org.hamster.p2p;

import java.util.List;
import java.util.Optional;

/**
 * What a peer says about itself through identify ({@code /ipfs/id/1.0.0}).
 *
 * @param peerId the peer, proven by its connection's handshake
 * @param protocolVersion e.g. {@code ipfs/0.1.0}
 * @param agentVersion e.g. {@code hamster/0.1.0} or {@code js-libp2p/...}
 * @param listenAddresses the addresses the peer listens on
 * @param observedAddress our address as the peer sees it, when it says
 * @param protocols the protocols the peer serves
 */
public record PeerInfo(PeerId peerId, String protocolVersion, String agentVersion, List<Multiaddr> listenAddresses,
        Optional<Multiaddr> observedAddress, List<String> protocols) {
    public PeerInfo {
        listenAddresses = List.copyOf(listenAddresses);
        protocols = List.copyOf(protocols);
    }
}
