package org.hamster.client.internal.link;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hamster.chain.H256;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.Host;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerId;
import org.hamster.forward.ForwardLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client's open links, at most one per agreement, each choosing its routes over one libp2p host. */
public final class Links implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Links.class);
    private final Host host;
    private final Supplier<List<Multiaddr>> gateways;
    private final RouteChooser.Timeouts timeouts;
    private final Map<Long, Link> open = new ConcurrentHashMap<>();

    /** @param gateways the gateways to relay through, in order of preference (see {@link RouteChooser}) */
    public Links(Host host, Supplier<List<Multiaddr>> gateways, RouteChooser.Timeouts timeouts) {
        this.host = host;
        this.gateways = gateways;
        this.timeouts = timeouts;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0 = a free one) for connections to agreement {@code agreement} of
     * {@code provider}; returns the link already open for the agreement instead, if there is one.
     */
    public Link open(long agreement, PeerId provider, Ed25519.KeyPair tenant, H256 genesis, int port)
            throws IOException {
        Link existing = open.get(agreement);
        if (existing != null) {
            return existing;
        }
        RouteChooser chooser = new RouteChooser(host, provider, gateways, timeouts, System::currentTimeMillis);
        Link link = new Link(agreement, provider, ForwardLink.open(chooser, agreement, tenant, genesis, port), chooser);
        Link raced = open.putIfAbsent(agreement, link);
        if (raced != null) {
            link.close();
            return raced;
        }
        LOG.info("link: 127.0.0.1:{} -> agreement {} at {}", link.forward().port(), agreement, provider);
        return link;
    }

    public Optional<Link> get(long agreement) {
        return Optional.ofNullable(open.get(agreement));
    }

    /** The open links by agreement id. */
    public List<Link> all() {
        return open.values().stream().sorted(Comparator.comparingLong(Link::agreement)).toList();
    }

    /** Closes the link of {@code agreement}; false if there is none. */
    public boolean close(long agreement) {
        Link l = open.remove(agreement);
        if (l == null) {
            return false;
        }
        try {
            l.close();
        } catch (IOException e) {
            LOG.debug("link of agreement {}: {}", agreement, e.toString());
        }
        LOG.info("link: closed 127.0.0.1:{} (agreement {})", l.forward().port(), agreement);
        return true;
    }

    @Override
    public void close() {
        open.keySet().forEach(this::close);
    }
}
