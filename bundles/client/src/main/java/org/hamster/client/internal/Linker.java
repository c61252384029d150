package org.hamster.client.internal;

import java.io.IOException;
import java.net.BindException;
import java.util.List;
import java.util.Optional;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;
import org.hamster.client.LinkView;
import org.hamster.client.internal.link.Link;
import org.hamster.client.internal.link.Links;
import org.hamster.client.internal.link.RouteChooser;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.Host;
import org.hamster.p2p.PeerId;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's links: opens one for a running agreement of the tenant (checked on chain), knows the chain's
 * gateways (preferred ones first, then the bootstrap list) and closes the links of leases that ended.
 */
final class Linker {
    private static final Logger LOG = LoggerFactory.getLogger(Linker.class);
    private final Links links;
    private volatile List<String> bootstrap = List.of();

    /** The market over the chain client, or why there is none. */
    interface TradingSource {
        Trading get() throws ClientException;
    }

    /** {@code preferred}: the configured gateways, read for every connection (tried before the bootstrap list). */
    Linker(Host host, java.util.function.Supplier<List<String>> preferred, RouteChooser.Timeouts timeouts) {
        this.links = new Links(host, () -> Settings.gatewayOrder(preferred.get(), bootstrap), timeouts);
    }

    Links links() {
        return links;
    }

    /** The link of {@code agreement}: the open one (on {@code port} or any when 0), else a new one. */
    LinkView link(long agreement, int port, Ed25519.KeyPair key, TradingSource trading, String keyPath)
            throws ClientException {
        Optional<Link> open = links.get(agreement);
        if (open.isPresent()) {
            if (port != 0 && port != open.get().forward().port()) {
                throw new ClientException(Reason.CONFLICT, "agreement " + agreement + " is linked on port "
                        + open.get().forward().port() + " already; unlink it first");
            }
            return open.get().view(keyPath);
        }
        Trading t = trading.get();
        RentalAgreement a = t.agreement(agreement).orElseThrow(() -> new ClientException(Reason.NOT_FOUND,
                "no agreement " + agreement));
        AccountId me = AccountId.of(key.publicKey());
        if (!a.tenant().equals(me)) {
            throw new ClientException(Reason.CONFLICT, "agreement " + agreement + " is " + a.tenant() + "'s, not "
                    + me + "'s");
        }
        if (!a.activeAt(t.now())) {
            throw new ClientException(Reason.CONFLICT, "agreement " + agreement + " does not run (" + a.status()
                    + ", ended " + java.time.Instant.ofEpochMilli(a.end()) + ")");
        }
        PeerId provider = t.peerId(a.resource()).flatMap(Linker::peer).orElseThrow(() ->
                new ClientException(Reason.CONFLICT, "resource " + a.resource() + " of agreement " + agreement
                        + " has no valid peer id on chain"));
        if (bootstrap.isEmpty()) {
            refreshGateways(t.chain());
        }
        try {
            return links.open(agreement, provider, key, t.genesis(), port).view(keyPath);
        } catch (BindException e) {
            throw new ClientException(Reason.CONFLICT, "port " + port + " on 127.0.0.1 is in use");
        } catch (IOException e) {
            throw new ClientException(Reason.CONFLICT, "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }

    /** Re-reads the chain's gateways (bootstrap list); keeps the last known list when the chain does not answer. */
    void refreshGateways(ChainClient c) {
        if (c == null || !c.isConnected()) {
            return;
        }
        try {
            bootstrap = List.copyOf(Trading.read(c.market().bootstrapList()));
        } catch (ClientException e) {
            LOG.debug("client: gateways not read: {}", e.getMessage());
        }
    }

    /** Closes the links whose agreement no longer runs. */
    void closeEnded(Trading t) throws ClientException {
        long now = t.now();
        for (Link l : links.all()) {
            Optional<RentalAgreement> a = t.agreement(l.agreement());
            if (a.isEmpty() || !a.get().activeAt(now)) {
                LOG.info("client: the lease of agreement {} ended; closing its link", l.agreement());
                links.close(l.agreement());
            }
        }
    }

    private static Optional<PeerId> peer(String text) {
        try {
            return Optional.of(PeerId.parse(text));
        } catch (HamsterException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
