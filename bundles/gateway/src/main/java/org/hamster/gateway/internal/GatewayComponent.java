package org.hamster.gateway.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.gateway.Bandwidth;
import org.hamster.gateway.CircuitView;
import org.hamster.gateway.Gateway;
import org.hamster.gateway.GatewayStatus;
import org.hamster.gateway.PeerView;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.IdentityFiles;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.RelayConfig;
import org.hamster.p2p.RelayStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay side of the gateway: a libp2p host with the circuit relay v2 hop service on the configured address,
 * its identity kept in {@code p2p-gateway.key}, and a bandwidth meter sampled every second. Runs whether or not
 * the chain can be reached; {@link Registrar} puts it on the chain's bootstrap list.
 */
@Component(service = Gateway.class, configurationPid = GatewayComponent.PID, immediate = true)
@Designate(ocd = GatewayConfig.class)
public final class GatewayComponent implements Gateway {
    static final String PID = "org.hamster.gateway";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayComponent.class);
    private static final Duration WAITING_WARNING = Duration.ofSeconds(20);
    private final Instant started = Instant.now();
    private Host host;
    private Multiaddr publicAddress;
    private BandwidthMeter meter;
    private ScheduledExecutorService ticker;
    private volatile GatewayStatus.Registration registration;
    private volatile String account;
    private volatile Instant waitingWarned;

    @Activate
    void activate(GatewayConfig config) throws HamsterException, InterruptedException {
        RelayConfig relay = new RelayConfig(config.maxReservations(), config.maxReservationsPerIp(),
                Duration.ofSeconds(config.reservationTtlSeconds()), config.maxCircuits(), config.maxCircuitsPerPeer(),
                Duration.ofSeconds(config.circuitDurationSeconds()), config.circuitDataBytes());
        Multiaddr listen = parse("listenAddress", config.listenAddress());
        Multiaddr announced = config.publicAddress().isBlank() ? null : parse("publicAddress", config.publicAddress());
        Identity identity = IdentityFiles.loadOrCreate(IdentityFiles.forRole(dir(config.identityDir(), "p2p"),
                "gateway"));
        meter = new BandwidthMeter(config.bandwidthHistorySeconds());
        registration = config.account().isBlank()
                ? new GatewayStatus.Registration(GatewayStatus.State.DISABLED, "no account configured: relaying, "
                        + "not on the chain's bootstrap list (set account and passwordFile in " + PID + ".cfg)", null, 0)
                : new GatewayStatus.Registration(GatewayStatus.State.WAITING_FOR_CHAIN, "waiting for the chain "
                        + "client (org.hamster.chain.client): is the node up?", null, 0);
        host = Hosts.create(HostConfig.builder(identity).agentVersion("hamster-gateway/0.1.0").maxConnections(1024)
                .relay(relay).build());
        try {
            Multiaddr bound = host.listen(listen).get(30, TimeUnit.SECONDS);
            publicAddress = (announced != null ? announced : bound).withPeerId(identity.peerId());
        } catch (Exception e) {
            host.close();
            throw new HamsterException(ErrorCode.IO, e, "gateway: cannot listen on " + listen + ": " + e.getMessage());
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hamster-gateway-meter");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
        LOG.info("gateway: relaying as {} on {}; announcing {}", identity.peerId(), host.listenAddresses(),
                publicAddress);
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
        host.close();
        LOG.info("gateway: stopped relaying");
    }

    /** The multiaddr registered on chain, with {@code /p2p}. */
    Multiaddr publicAddress() {
        return publicAddress;
    }

    Host host() {
        return host;
    }

    /** Set by {@link Registrar}. */
    void registration(GatewayStatus.Registration r, String accountAddress) {
        registration = r;
        account = accountAddress;
    }

    GatewayStatus.Registration registration() {
        return registration;
    }

    private void tick() {
        try {
            RelayStatus relay = host.relayStatus().orElseThrow();
            meter.sample(Instant.now(), host.traffic(), relay.circuits());
            warnWhileWaiting();
        } catch (RuntimeException e) {
            LOG.warn("gateway: bandwidth sample failed", e);
        }
    }

    private void warnWhileWaiting() {
        GatewayStatus.Registration r = registration;
        Instant now = Instant.now();
        if (r.state() == GatewayStatus.State.WAITING_FOR_CHAIN && started.plus(WAITING_WARNING).isBefore(now)
                && (waitingWarned == null || waitingWarned.plus(Duration.ofMinutes(5)).isBefore(now))) {
            waitingWarned = now;
            LOG.warn("gateway: not registered on chain yet: the chain client has no connection to the node "
                    + "(url in etc/org.hamster.chain.client.cfg); relaying meanwhile");
        }
    }

    @Override
    public GatewayStatus status() {
        RelayStatus relay = host.relayStatus().orElseThrow();
        return new GatewayStatus(host.peerId().toString(), host.listenAddresses().stream().map(Multiaddr::toString)
                .toList(), publicAddress.toString(), account, registration, relay.reservations().size(),
                relay.circuits().size(), started);
    }

    @Override
    public List<PeerView> peers() {
        Map<String, Instant> reserved = host.relayStatus().orElseThrow().reservations().stream().collect(
                Collectors.toMap(r -> r.peer().toString(), RelayStatus.Reservation::expiry, (a, b) -> a));
        return host.connections().stream().map(c -> new PeerView(c.remotePeer().toString(),
                c.remoteAddress().toString(), c.direction().name(), c.isRelayed(), c.streamCount(),
                c.traffic().bytesIn(), c.traffic().bytesOut(), reserved.get(c.remotePeer().toString())))
                .sorted(Comparator.comparing(PeerView::peerId)).toList();
    }

    @Override
    public List<CircuitView> circuits() {
        return host.relayStatus().orElseThrow().circuits().stream().map(c -> {
            long[] rate = meter.circuitRate(c.id());
            return new CircuitView(c.id(), c.source().toString(), c.target().toString(), c.opened(),
                    c.bytesToTarget(), c.bytesToSource(), rate[0], rate[1]);
        }).toList();
    }

    @Override
    public Bandwidth bandwidth() {
        return meter.report(host.traffic(), host.relayStatus().orElseThrow().bytesRelayed());
    }

    static Path dir(String configured, String defaultName) {
        return configured.isBlank() ? Path.of(System.getProperty("karaf.data", "data"), "hamster", defaultName)
                : Path.of(configured);
    }

    private static Multiaddr parse(String key, String value) throws HamsterException {
        try {
            return Multiaddr.parse(value.trim());
        } catch (HamsterException | RuntimeException e) {
            throw new HamsterException(ErrorCode.CONFIG, e, PID + ": " + key + " '" + value + "' is not a multiaddr ("
                    + e.getMessage() + ")");
        }
    }
}
