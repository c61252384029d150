package org.hamster.provider.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hamster.chain.H256;
import org.hamster.chain.Subscription;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientException;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;
import org.hamster.compute.ComputeBackend;
import org.hamster.compute.MachineSpec;
import org.hamster.compute.SshPublicKey;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.Keystore;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.IdentityFiles;
import org.hamster.p2p.Multiaddr;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.provider.LeaseView;
import org.hamster.provider.Provider;
import org.hamster.provider.ProviderManagement;
import org.hamster.provider.ProviderStatus;
import org.hamster.provider.ResourceSpec;
import org.hamster.forward.ForwardRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider role: its libp2p host (direct and through the chain's gateways) serving the forward protocol, and
 * a reconcile loop (every {@code reconcileSeconds} and on every new block) that turns the chain's orders and
 * agreements into machines on the installed backends. Backends come and go at run time: new leases go to the
 * configured one, existing leases stay where they were created.
 */
@Component(service = Provider.class, configurationPid = ProviderComponent.PID, immediate = true)
@Designate(ocd = ProviderConfig.class)
public final class ProviderComponent implements Provider, LeaseKeeper.Context {
    static final String PID = "org.hamster.provider";
    private static final Logger LOG = LoggerFactory.getLogger(ProviderComponent.class);

    @Reference
    ChainClient chain;

    private final Map<String, ComputeBackend> backends = new ConcurrentHashMap<>();
    private final Set<String> reserved = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cycleQueued = new AtomicBoolean();
    private ProviderConfig config;
    private Ed25519.KeyPair key;
    private Host host;
    private LeaseTable table;
    private LeaseKeeper keeper;
    private ProviderAdmin admin;
    private ScheduledExecutorService loop;
    private Subscription heads;
    private volatile Instant lastReconcile;
    private volatile String detail = "starting";
    private volatile boolean resourceKnown;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBackend(ComputeBackend backend) {
        backends.put(backend.name(), backend);
        LOG.info("provider: backend {} installed", backend.name());
        trigger();
    }

    void removeBackend(ComputeBackend backend) {
        if (backends.remove(backend.name(), backend)) {
            LOG.info("provider: backend {} removed; its leases are kept and handled when it is back",
                    backend.name());
        }
    }

    @Activate
    void activate(ProviderConfig cfg) throws Exception {
        config = cfg;
        if (cfg.account().isBlank()) {
            throw new HamsterException(ErrorCode.CONFIG, PID + ": set account and passwordFile (the provider signs "
                    + "its pledge, resources, executions and heartbeats)");
        }
        key = unlock(cfg);
        table = new LeaseTable(dir(cfg.dataDir(), "provider").resolve("leases.json"));
        host = Hosts.create(HostConfig.builder(IdentityFiles.loadOrCreate(IdentityFiles.forRole(
                dir(cfg.identityDir(), "p2p"), "provider"))).agentVersion("hamster-provider/0.1.0").build());
        keeper = new LeaseKeeper(this, table, cfg.heartbeatIntervalSeconds() * 1000L,
                Plan.scope(host.peerId().toString()));
        try {
            host.listen(Multiaddr.parse(cfg.listenAddress())).get(30, TimeUnit.SECONDS);
            H256 genesis = ChainClient.await(chain.genesisHash());
            ForwardService forward = new ForwardService(genesis, keeper::sshPort, System::currentTimeMillis);
            host.setStreamHandler(ForwardRequest.PROTOCOL, forward::serve);
        } catch (Exception e) {
            host.close();
            throw e;
        }
        admin = new ProviderAdmin(chain, key, () -> host.peerId().toString(), new ProviderAdmin.Defaults(cfg.system(),
                cfg.cpuModel().isBlank() ? cpuModel() : cfg.cpuModel()));
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hamster-provider");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::registerIfConfigured, 0, 60, TimeUnit.SECONDS);
        loop.scheduleWithFixedDelay(this::cycle, 0, Math.max(1, cfg.reconcileSeconds()), TimeUnit.SECONDS);
        loop.scheduleWithFixedDelay(this::reserveOnGateways, 0, 10, TimeUnit.SECONDS); // new gateways soon
        chain.subscribeNewHeads(h -> trigger()).thenAccept(s -> heads = s);
        LOG.info("provider: {} as {} on {}; new leases on {}", host.peerId(), key.address(), host.listenAddresses(),
                cfg.backend());
    }

    @Deactivate
    void deactivate() {
        if (heads != null) {
            heads.close();
        }
        loop.shutdownNow();
        try {
            loop.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        host.close();
        LOG.info("provider: stopped; the machines of running leases keep running");
    }

    private void trigger() {
        ScheduledExecutorService l = loop;
        if (l != null && cycleQueued.compareAndSet(false, true)) {
            try {
                l.execute(this::cycle);
            } catch (RejectedExecutionException e) {
                cycleQueued.set(false);
            }
        }
    }

    private void cycle() {
        cycleQueued.set(false);
        try {
            if (keeper.cycle()) {
                lastReconcile = Instant.now();
                detail = "serving " + table.all().size() + " lease(s)";
            } else {
                detail = "chain unreachable: leases unchanged until it answers";
            }
        } catch (Exception e) {
            detail = "reconcile failed: " + e.getMessage();
            LOG.warn("provider: reconcile failed", e);
        }
    }

    private void reserveOnGateways() {
        if (!config.useGateways()) {
            return;
        }
        try {
            for (String gw : ChainClient.await(chain.market().bootstrapList())) {
                if (reserved.add(gw)) {
                    Multiaddr circuit = Multiaddr.parse(gw).encapsulate(Multiaddr.parse("/p2p-circuit"));
                    host.listen(circuit).whenComplete((a, e) -> {
                        if (e != null) {
                            reserved.remove(gw);
                            LOG.warn("provider: no reservation on gateway {}: {}", gw, e.toString());
                        } else {
                            LOG.info("provider: reachable through {}", a);
                        }
                    });
                }
            }
        } catch (HamsterException e) {
            LOG.warn("provider: cannot read the gateways from the chain: {}", e.getMessage());
        }
    }

    /** Registers the configured resource once, if this account has none for this peer id (tried every minute). */
    private void registerIfConfigured() {
        if (config.cpus() <= 0 || resourceKnown) {
            return;
        }
        try {
            String peer = host.peerId().toString();
            if (admin.resources().stream().anyMatch(r -> r.peerId().equals(peer))) {
                resourceKnown = true;
                return;
            }
            BigInteger price = TokenAmount.parse(config.pricePerHour(), admin.tokenDecimals());
            admin.registerResource(new ResourceSpec(config.cpus(), config.memoryGiB(), config.diskGiB(), null, null,
                    price, config.rentableHours())); // no GPU, no region
            resourceKnown = true;
            LOG.info("provider: registered a resource of {} CPU / {} GiB for {} HAM per hour", config.cpus(),
                    config.memoryGiB(), config.pricePerHour());
        } catch (Exception e) {
            LOG.warn("provider: could not register the configured resource: {}", e.getMessage());
        }
    }

    // ---- LeaseKeeper.Context

    @Override
    public ChainClient chain() {
        return chain;
    }

    @Override
    public Ed25519.KeyPair key() {
        return key;
    }

    @Override
    public Map<String, ComputeBackend> backends() {
        return backends;
    }

    @Override
    public String backendForNewLeases() {
        return config.backend();
    }

    @Override
    public MachineSpec spec(String leaseId, long resource, SshPublicKey sshKey, int sshPort)
            throws ChainClientException {
        Resource r = ChainClient.await(chain.market().resource(resource)).orElseThrow(() ->
                new ChainClientException(ErrorCode.NOT_FOUND, "resource " + resource + " is not on chain"));
        ResourceConfig rc = r.config();
        return new MachineSpec(leaseId, (int) Math.max(1, Math.min(64, rc.cpu())), Math.max(64, rc.memoryGiB() * 1024),
                rc.diskGiB(), sshKey, sshPort);
    }

    @Override
    public int[] portRange() {
        return new int[] {config.sshPortFrom(), config.sshPortTo()};
    }

    // ---- Provider

    @Override
    public ProviderStatus status() {
        List<String> addrs = host.listenAddresses().stream().map(Multiaddr::toString).toList();
        return new ProviderStatus(host.peerId().toString(), key.address(), addrs, config.backend(),
                new ArrayList<>(new TreeMap<>(backends).keySet()), lastReconcile, detail);
    }

    @Override
    public List<LeaseView> leases() {
        Map<String, String> states = keeper.machineStates();
        long now = System.currentTimeMillis();
        long interval = config.heartbeatIntervalSeconds() * 1000L;
        return table.all().stream().map(l -> new LeaseView(l.leaseId(), l.order(), l.agreement(), l.resource(),
                l.tenant(), l.backend(), l.sshPort(), states.getOrDefault(l.leaseId(), "MISSING"),
                l.lastHeartbeatMs() > 0 ? Instant.ofEpochMilli(l.lastHeartbeatMs()) : null,
                LeaseView.heartbeatState(l.agreement(), l.lastHeartbeatMs(), interval, now))).toList();
    }

    @Override
    public ProviderManagement management() {
        return admin;
    }

    // ---- helpers

    static Path dir(String configured, String name) {
        return configured.isBlank() ? Path.of(System.getProperty("karaf.data", "data"), "hamster", name)
                : Path.of(configured);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static Ed25519.KeyPair unlock(ProviderConfig cfg) throws HamsterException {
        if (cfg.passwordFile().isBlank()) {
            throw new HamsterException(ErrorCode.CONFIG, PID + ": passwordFile is not set");
        }
        return new Keystore(dir(cfg.keystoreDir(), "keystore")).unlockWithPasswordFile(cfg.account(),
                Path.of(cfg.passwordFile()));
    }
}
