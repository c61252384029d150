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
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider role: its libp2p host (direct and through the chain's gateways) serving the forward protocol, and
 * a reconcile loop (every {@code reconcileSeconds} and on every new block) that turns the chain's orders and
 * agreements into machines on the installed backends. Backends come and go at run time: new leases go to the
 * configured one, existing leases stay where they were created.
 *
 * <p>It always activates and registers its services, so that the shell, REST API and web UI can show what is
 * missing and configure it: when its configuration cannot start it ({@link ConfigCheck}) it stays
 * {@link ProviderStatus.State#UNCONFIGURED} with the reason (one WARN line), and without a chain client it stays
 * {@link ProviderStatus.State#WAITING_FOR_CHAIN}; nothing runs then and every management call is refused with the
 * reason. A configuration change restarts it (DS), and so does a fix of the keystore entry or password file it names
 * (checked every {@value #RECHECK_SECONDS} s while they are the reason), as does a new chain client (greedy
 * reference).
 */
@Component(service = Provider.class, configurationPid = ProviderComponent.PID, immediate = true)
@Designate(ocd = ProviderConfig.class)
public final class ProviderComponent implements Provider, LeaseKeeper.Context {
    static final String PID = "org.hamster.provider";
    /** Seconds between looks at the keystore entry and password file while they keep it from starting. */
    static final long RECHECK_SECONDS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ProviderComponent.class);
    /** The last reason warned about: a restart for the same reason (e.g. a chain client arriving) says it at INFO. */
    private static volatile String lastWarned;

    /** Static and greedy: the component restarts when the chain client comes (or goes). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    ChainClient chain;

    @Reference
    ServiceComponentRuntime scr;

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
    private ScheduledExecutorService recheck;
    /** How often the files of an unconfigured provider are looked at (shorter in tests). */
    long recheckMillis = RECHECK_SECONDS * 1000;
    private Subscription heads;
    private volatile ProviderStatus.State state = ProviderStatus.State.UNCONFIGURED;
    private volatile String reason = "starting";
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
    void activate(ComponentContext context, ProviderConfig cfg) throws Exception {
        begin(cfg, () -> restart(context));
    }

    /**
     * Starts with {@code cfg}, or stays UNCONFIGURED / WAITING_FOR_CHAIN when it cannot; {@code restart} restarts
     * the component once a file it waits for is fixed. Failures of a start (e.g. the listen port in use) are thrown.
     */
    void begin(ProviderConfig cfg, Runnable restart) throws Exception {
        config = cfg;
        ConfigCheck.Outcome checked = ConfigCheck.check(cfg);
        if (checked.key() == null) {
            notRunning(ProviderStatus.State.UNCONFIGURED, checked.reason());
            if (checked.watched() != null) {
                watch(cfg, checked.watched(), restart);
            }
            return;
        }
        if (chain == null) {
            notRunning(ProviderStatus.State.WAITING_FOR_CHAIN, "the chain client has no connection to its node yet "
                    + "(url in etc/org.hamster.chain.client.cfg; is the node up?); the provider starts as soon as it "
                    + "answers");
            return;
        }
        start(cfg, checked.key());
    }

    private void notRunning(ProviderStatus.State s, String why) {
        state = s;
        reason = why;
        String line = s == ProviderStatus.State.UNCONFIGURED ? "provider: not configured, not started: " + why
                : "provider: waiting for the chain, not started: " + why;
        if (s == ProviderStatus.State.UNCONFIGURED && !line.equals(lastWarned)) {
            lastWarned = line;
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
    }

    /** Looks at the files of {@code watched} every few seconds; checks again when they change, restarts once fixed. */
    private void watch(ProviderConfig cfg, String watched, Runnable restart) {
        recheck = executor("hamster-provider-setup");
        String[] seen = {watched};
        recheck.scheduleWithFixedDelay(() -> {
            String now = ConfigCheck.watched(cfg);
            if (now.equals(seen[0])) {
                return;
            }
            seen[0] = now;
            try {
                ConfigCheck.Outcome again = ConfigCheck.check(cfg);
                if (again.key() != null) {
                    LOG.info("provider: the keystore account or password file changed and the account unlocks now: "
                            + "starting");
                    recheck.shutdown();
                    restart.run();
                } else if (!again.reason().equals(reason)) {
                    reason = again.reason();
                    LOG.info("provider: still not configured: {}", reason);
                }
            } catch (RuntimeException e) {
                LOG.warn("provider: could not check the changed keystore account or password file again: {}",
                        e.toString());
            }
        }, recheckMillis, recheckMillis, TimeUnit.MILLISECONDS);
    }

    /** Disables and enables this component: DS activates it again with the current configuration. */
    private void restart(ComponentContext context) {
        String name = (String) context.getProperties().get(ComponentConstants.COMPONENT_NAME);
        ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(context.getBundleContext().getBundle(), name);
        if (d != null) {
            scr.disableComponent(d).onResolve(() -> scr.enableComponent(d));
        }
    }

    private void start(ProviderConfig cfg, Ed25519.KeyPair unlocked) throws Exception {
        key = unlocked;
        table = new LeaseTable(dir(cfg.dataDir(), "provider").resolve("leases.json"));
        host = Hosts.create(HostConfig.builder(IdentityFiles.loadOrCreate(IdentityFiles.forRole(
                dir(cfg.identityDir(), "p2p"), "provider"))).agentVersion("hamster-provider/0.1.0").build());
        keeper = new LeaseKeeper(this, table, cfg.heartbeatIntervalSeconds() * 1000L,
                Plan.scope(host.peerId().toString()));
        try {
            host.listen(Multiaddr.parse(cfg.listenAddress().strip())).get(30, TimeUnit.SECONDS);
            H256 genesis = ChainClient.await(chain.genesisHash());
            ForwardService forward = new ForwardService(genesis, keeper::sshPort, System::currentTimeMillis);
            host.setStreamHandler(ForwardRequest.PROTOCOL, forward::serve);
        } catch (Exception e) {
            host.close();
            host = null;
            throw e;
        }
        admin = new ProviderAdmin(chain, key, () -> host.peerId().toString(), new ProviderAdmin.Defaults(cfg.system(),
                cfg.cpuModel().isBlank() ? cpuModel() : cfg.cpuModel()));
        loop = executor("hamster-provider");
        state = ProviderStatus.State.RUNNING;
        reason = null;
        lastWarned = null;
        loop.scheduleWithFixedDelay(this::registerIfConfigured, 0, 60, TimeUnit.SECONDS);
        loop.scheduleWithFixedDelay(this::cycle, 0, Math.max(1, cfg.reconcileSeconds()), TimeUnit.SECONDS);
        loop.scheduleWithFixedDelay(this::reserveOnGateways, 0, 10, TimeUnit.SECONDS); // new gateways soon
        chain.subscribeNewHeads(h -> trigger()).thenAccept(s -> heads = s);
        LOG.info("provider: {} as {} on {}; new leases on {}", host.peerId(), key.address(), host.listenAddresses(),
                cfg.backend());
    }

    @Deactivate
    void deactivate() {
        if (recheck != null) {
            recheck.shutdownNow(); // not awaited: its last task may be what restarts this component
        }
        if (heads != null) {
            heads.close();
        }
        if (loop != null) {
            loop.shutdownNow();
            try {
                loop.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (host != null) {
            host.close();
            LOG.info("provider: stopped; the machines of running leases keep running");
        }
    }

    private static ScheduledExecutorService executor(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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
        ProviderStatus.State s = state;
        List<String> installed = new ArrayList<>(new TreeMap<>(backends).keySet());
        if (s != ProviderStatus.State.RUNNING) {
            return ProviderStatus.notRunning(s, reason, config.backend(), installed);
        }
        List<String> addrs = host.listenAddresses().stream().map(Multiaddr::toString).toList();
        return new ProviderStatus(host.peerId().toString(), key.address(), addrs, config.backend(), installed,
                lastReconcile, detail);
    }

    @Override
    public List<LeaseView> leases() {
        if (state != ProviderStatus.State.RUNNING) {
            return List.of();
        }
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
        ProviderStatus.State s = state;
        return s == ProviderStatus.State.RUNNING ? admin : new NotRunning(s, reason);
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
}
