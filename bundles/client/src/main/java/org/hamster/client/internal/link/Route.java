package org.hamster.client.internal.link;

import java.util.List;
import java.util.Optional;
import org.hamster.common.HamsterException;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.MultiaddrComponent;
import org.hamster.p2p.MultiaddrProtocol;
import org.hamster.p2p.PeerId;

/**
 * One way to reach a provider: a direct TCP address, or a circuit through a gateway
 * ({@code <gateway addr>/p2p/<gateway>/p2p-circuit/p2p/<provider>}).
 *
 * @param address what to dial
 * @param gateway the relay of a circuit, null for a direct route
 */
public record Route(Multiaddr address, PeerId gateway) {
    private static final Multiaddr CIRCUIT = circuit();

    static Route direct(Multiaddr address) {
        return new Route(address, null);
    }

    /** Through {@code gateway} (a multiaddr ending in /p2p/<gateway>) to {@code provider}. */
    static Route via(Multiaddr gateway, PeerId provider) {
        return new Route(gateway.encapsulate(CIRCUIT).withPeerId(provider), gateway.peerId().orElseThrow());
    }

    public boolean direct() {
        return gateway == null;
    }

    /** The key under which a failure of this route is remembered: the address, or the gateway. */
    String key() {
        return direct() ? address.toString() : "gateway " + gateway;
    }

    /** Whether {@code c} (a connection to the provider) runs over this route. */
    boolean carries(Connection c) {
        return direct() ? !c.isRelayed() : c.isRelayed() && relayOf(c.remoteAddress()).filter(gateway::equals)
                .isPresent();
    }

    /** The relay of a circuit address ({@code .../p2p/<relay>/p2p-circuit[...]}), empty for other addresses. */
    static Optional<PeerId> relayOf(Multiaddr address) {
        List<MultiaddrComponent> c = address.components();
        for (int i = 1; i < c.size(); i++) {
            if (c.get(i).protocol() == MultiaddrProtocol.P2P_CIRCUIT && c.get(i - 1).protocol()
                    == MultiaddrProtocol.P2P) {
                try {
                    return Optional.of(PeerId.fromBytes(c.get(i - 1).rawValue()));
                } catch (HamsterException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The gateway part of a circuit address ({@code <addr>/p2p/<relay>}), empty for other addresses. */
    static Optional<Multiaddr> gatewayOf(Multiaddr address) {
        List<MultiaddrComponent> c = address.components();
        for (int i = 1; i < c.size(); i++) {
            if (c.get(i).protocol() == MultiaddrProtocol.P2P_CIRCUIT) {
                Multiaddr relay = Multiaddr.of(c.subList(0, i));
                return relay.peerId().isPresent() ? Optional.of(relay) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return direct() ? "direct " + address : "via gateway " + gateway;
    }

    private static Multiaddr circuit() {
        try {
            return Multiaddr.parse("/p2p-circuit");
        } catch (HamsterException e) {
            throw new IllegalStateException(e);
        }
    }
}
