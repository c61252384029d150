package org.hamster.gateway.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientException;
import org.hamster.chain.client.ConnectionLostException;
import org.hamster.chain.client.ExtrinsicFailedException;
import org.hamster.chain.client.Market;
import org.hamster.chain.client.RequestTimeoutException;
import org.hamster.chain.client.TransactionInvalidException;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.Keystore;
import org.hamster.gateway.Gateway;
import org.hamster.gateway.GatewayStatus.Registration;
import org.hamster.gateway.GatewayStatus.State;
import org.hamster.pallet.gateway.GatewayInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the gateway on the chain's bootstrap list and keeps it there: registers its public multiaddr (or adopts a
 * registration of the same peer id by the same account), heartbeats every {@code heartbeatIntervalSeconds}, and
 * deregisters when stopped cleanly. A chain that cannot be reached is retried every {@code retrySeconds} and
 * logged; it never counts as being deregistered. Active while the chain client is (it stays registered while it
 * reconnects).
 */
@Component(configurationPid = GatewayComponent.PID, immediate = true)
public final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    private static final long DEREGISTER_TIMEOUT_S = 15;

    @Reference
    ChainClient client;

    @Reference
    Gateway gateway;

    private GatewayComponent relay;
    private ScheduledExecutorService loop;
    private Ed25519.KeyPair key;
    private AccountId me;
    private String multiaddr;
    private String peerId;
    private long intervalS;
    private long retryS;
    private volatile boolean registered;
    private long heartbeats;
    private Instant lastHeartbeat;

    @Activate
    void activate(GatewayConfig config) {
        relay = (GatewayComponent) gateway;
        if (config.account().isBlank()) {
            return; // the relay component already says DISABLED
        }
        intervalS = Math.max(1, config.heartbeatIntervalSeconds());
        retryS = Math.max(1, config.retrySeconds());
        multiaddr = relay.publicAddress().toString();
        peerId = relay.host().peerId().toString();
        try {
            key = unlock(config);
        } catch (HamsterException e) {
            LOG.error("gateway: not registering on chain: {}", e.getMessage());
            report(State.REFUSED, "cannot use account '" + config.account() + "': " + e.getMessage());
            return;
        }
        me = AccountId.of(key.publicKey());
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hamster-gateway-registrar");
            t.setDaemon(true);
            return t;
        });
        report(State.REGISTERING, "registering " + multiaddr + " with " + client.endpoint());
        loop.execute(this::step);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (loop == null) {
            return;
        }
        loop.shutdownNow();
        loop.awaitTermination(DEREGISTER_TIMEOUT_S, TimeUnit.SECONDS);
        if (!registered) {
            return;
        }
        try {
            client.signer().submitAndWaitInBlock(key, market().calls().deregisterGateway(peerId))
                    .get(DEREGISTER_TIMEOUT_S, TimeUnit.SECONDS);
            registered = false;
            report(State.DEREGISTERED, "deregistered on stop; the bond is returned");
            LOG.info("gateway: deregistered {} from the chain", peerId);
        } catch (Exception e) {
            LOG.warn("gateway: could not deregister {} on stop ({}); the chain drops it after its heartbeat "
                    + "tolerance", peerId, e.toString());
        }
    }

    private void step() {
        long next = intervalS;
        try {
            if (registered) {
                heartbeat();
            } else {
                next = register() ? intervalS : retryS * 4;
            }
        } catch (ExtrinsicFailedException e) {
            if ("NotFound".equals(e.errorName()) && registered) {
                registered = false;
                next = 0;
                LOG.warn("gateway: the chain no longer lists {} (silent past its tolerance?): registering again",
                        peerId);
            } else {
                next = refused(e.errorName() != null ? e.module() + "." + e.errorName() : e.getMessage());
            }
        } catch (TransactionInvalidException e) {
            next = refused(e.callError() != null ? e.callError() : e.getMessage());
        } catch (ConnectionLostException | RequestTimeoutException e) {
            next = retryS;
            LOG.warn("gateway: chain unreachable at {} ({}); retrying in {} s{}", client.endpoint(), e.getMessage(),
                    retryS, registered ? "; still registered as far as the chain last said" : "");
            report(State.CHAIN_UNREACHABLE, "chain unreachable (" + e.getMessage() + "); retrying every " + retryS
                    + " s" + (registered ? "; the registration stands" : ""));
        } catch (ChainClientException | RuntimeException e) {
            next = retryS;
            LOG.warn("gateway: {} failed: {}; retrying in {} s", registered ? "heartbeat" : "registration",
                    e.toString(), retryS);
            report(registered ? State.CHAIN_UNREACHABLE : State.REGISTERING, e.getMessage() + "; retrying in "
                    + retryS + " s");
        }
        try {
            loop.schedule(this::step, next, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** True once registered; false when the peer id belongs to another account. */
    private boolean register() throws ChainClientException {
        Market market = market();
        Optional<GatewayInfo> existing = ChainClient.await(market.gateway(peerId));
        if (existing.isPresent() && !existing.get().owner().equals(me)) {
            refused("peer id " + peerId + " is registered by " + existing.get().owner() + ", not by " + me);
            return false;
        }
        if (existing.isPresent() && existing.get().multiaddr().equals(multiaddr)) {
            registered = true;
            LOG.info("gateway: {} is already registered on chain; heartbeating", multiaddr);
            heartbeat();
            return true;
        }
        if (existing.isPresent()) { // same gateway, new public address: re-register under the new one
            LOG.info("gateway: re-registering {} (was {})", multiaddr, existing.get().multiaddr());
            ChainClient.await(client.signer().submitAndWaitInBlock(key, market.calls().deregisterGateway(peerId)));
        }
        ChainClient.await(client.signer().submitAndWaitInBlock(key, market.calls().registerGateway(multiaddr)));
        registered = true;
        lastHeartbeat = Instant.now();
        LOG.info("gateway: registered {} on chain as {}", multiaddr, me);
        report(State.REGISTERED, "registered; heartbeat every " + intervalS + " s");
        return true;
    }

    private void heartbeat() throws ChainClientException {
        ChainClient.await(client.signer().submitAndWaitInBlock(key, market().calls().gatewayHeartbeat(peerId)));
        heartbeats++;
        lastHeartbeat = Instant.now();
        LOG.debug("gateway: heartbeat {} accepted", heartbeats);
        report(State.REGISTERED, "registered; heartbeat every " + intervalS + " s");
    }

    private long refused(String why) {
        LOG.error("gateway: the chain refused: {}; trying again in {} s", why, retryS * 4);
        report(State.REFUSED, "refused: " + why + "; trying again in " + retryS * 4 + " s");
        return retryS * 4;
    }

    private Market market() {
        return client.market();
    }

    private void report(State state, String detail) {
        relay.registration(new Registration(state, detail, lastHeartbeat, heartbeats), me == null ? null : me.ss58());
    }

    private static Ed25519.KeyPair unlock(GatewayConfig config) throws HamsterException {
        if (config.passwordFile().isBlank()) {
            throw new HamsterException(ErrorCode.CONFIG, "passwordFile is not set");
        }
        return new Keystore(GatewayComponent.dir(config.keystoreDir(), "keystore")).unlockWithPasswordFile(
                config.account(), Path.of(config.passwordFile()));
    }
}
