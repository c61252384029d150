package org.hamster.backend.docker.internal;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.compute.ComputeBackend;
import org.hamster.compute.ComputeException;
import org.hamster.compute.Machine;
import org.hamster.compute.MachineSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machines as Docker containers: one per lease, named {@code hamster-<leaseId>} and labelled with the lease, its
 * SSH port and creation time. Each has no network (a tenant cannot reach the host's services); its SSH server listens
 * on the container's own loopback and the lease's port on the host's 127.0.0.1 is an {@link SshRelay} into it. The
 * tenant's key is unpacked into it through the API before it first starts. CPU and memory limits
 * are the container's cgroup limits. Calls for one lease are serialised; calls for different leases run in
 * parallel.
 */
@Component(service = ComputeBackend.class, configurationPid = DockerBackend.PID,
        property = ComputeBackend.NAME_PROPERTY + "=" + Containers.BACKEND)
@Designate(ocd = DockerBackendConfig.class)
public final class DockerBackend implements ComputeBackend {
    static final String PID = "org.hamster.backend.docker";
    private static final Logger LOG = LoggerFactory.getLogger(DockerBackend.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final int LOG_LINES = 20;
    private final Map<String, Object> leaseLocks = new ConcurrentHashMap<>();
    private DockerEngine engine;
    private String image;
    private Duration sshTimeout;
    private int stopTimeoutSeconds;
    private long pidsLimit;
    private boolean diskLimit;

    @Activate
    void activate(DockerBackendConfig config) throws HamsterException {
        String host = config.dockerHost().trim();
        if (!host.startsWith("unix:///")) {
            // the daemon's API is root on the host: only its unix socket, never a TCP endpoint
            throw config("dockerHost must be a unix socket, unix:///<path>, got '" + host + "'");
        }
        image = config.image().trim();
        if (image.isEmpty()) {
            throw config("image must name an image, e.g. hamster/ssh-base:1");
        }
        positive("sshTimeoutSeconds", config.sshTimeoutSeconds());
        positive("apiTimeoutSeconds", config.apiTimeoutSeconds());
        positive("stopTimeoutSeconds", config.stopTimeoutSeconds());
        if (config.pidsLimit() < 0) {
            throw config("pidsLimit must be 0 (no limit) or more, got " + config.pidsLimit());
        }
        sshTimeout = Duration.ofSeconds(config.sshTimeoutSeconds());
        stopTimeoutSeconds = config.stopTimeoutSeconds();
        pidsLimit = config.pidsLimit();
        diskLimit = config.diskLimit();
        Duration api = Duration.ofSeconds(config.apiTimeoutSeconds());
        // a stop request is answered only once the container is down, after at most the stop timeout
        engine = DockerEngine.connect(host, api, api.plusSeconds(stopTimeoutSeconds));
        try {
            Version v = engine.version();
            LOG.info("docker backend: engine {} (API {}) at {}, image {}{}", v.getVersion(), v.getApiVersion(), host,
                    image, engine.imageExists(image) ? "" : " (missing: build it with tools/images/build-container)");
            for (Machine m : list()) { // after a restart: the running machines' SSH ports again
                if (m.state() == Machine.State.RUNNING) {
                    relay(m.leaseId(), m.nativeId(), m.sshPort());
                }
            }
        } catch (ComputeException e) {
            LOG.warn("{}; machines cannot be created until the daemon answers", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        relays.keySet().forEach(this::unrelay);
        engine.close();
    }

    private final Map<String, SshRelay> relays = new java.util.concurrent.ConcurrentHashMap<>();

    /** Opens (once) the host side of a lease's SSH port. */
    private void relay(String leaseId, String containerId, int port) throws ComputeException {
        SshRelay existing = relays.get(leaseId);
        if (existing == null) {
            relays.put(leaseId, SshRelay.open(engine, containerId, port));
        }
    }

    private void unrelay(String leaseId) {
        SshRelay r = relays.remove(leaseId);
        if (r != null) {
            r.close();
        }
    }

    @Override
    public String name() {
        return Containers.BACKEND;
    }

    @Override
    public Machine create(MachineSpec spec) throws ComputeException {
        Objects.requireNonNull(spec, "spec");
        synchronized (lock(spec.leaseId())) {
            String name = Containers.name(spec.leaseId());
            Optional<InspectContainerResponse> existing = engine.inspect(name);
            if (existing.isPresent()) {
                Optional<Machine> machine = existing(spec, existing.get());
                if (machine.isPresent()) {
                    return machine.get();
                }
            }
            unrelay(spec.leaseId()); // a relay left by a container removed behind our back holds the port
            checkBeforeCreating(spec);
            HostConfig hostConfig = Containers.hostConfig(spec, pidsLimit, diskLimit);
            Instant created = Instant.now();
            Optional<String> id = engine.create(image, name, Containers.labels(spec, created), Containers.env(spec),
                    hostConfig, stopTimeoutSeconds);
            if (id.isEmpty()) {
                throw new ComputeException("docker: lease " + spec.leaseId() + ": container " + name
                        + " appeared while it was being created; is another provider using this daemon?");
            }
            try {
                engine.copyToRoot(id.get(), KeyArchive.authorizedKeys(spec.sshPublicKey(), created));
                engine.start(id.get());
                relay(spec.leaseId(), id.get(), spec.sshPort());
                String banner = awaitSsh(id.get(), spec.sshPort());
                Machine machine = machine(id.get());
                LOG.info("docker backend: lease {} runs in {} ({} CPU, {} MiB), SSH on 127.0.0.1:{} ({})",
                        spec.leaseId(), shortId(id.get()), spec.cpus(), spec.memoryMiB(), spec.sshPort(), banner);
                return machine;
            } catch (ComputeException | RuntimeException | LinkageError e) {
                // LinkageError: a class missing from the OSGi wiring; still nothing half-made may remain
                unrelay(spec.leaseId());
                throw removeAfterFailure(spec.leaseId(), id.get(), e);
            }
        }
    }

    /**
     * The machine an earlier create left, if it can stand for this one: the same port and limits. A container
     * that never started (a create cut short) is removed, so that the caller creates it afresh (empty).
     */
    private Optional<Machine> existing(MachineSpec spec, InspectContainerResponse c) throws ComputeException {
        String lease = spec.leaseId();
        Map<String, String> labels = c.getConfig().getLabels();
        if (!lease.equals(Containers.lease(labels))) {
            throw new ComputeException("docker: lease " + lease + ": a container named " + Containers.name(lease)
                    + " exists that this backend did not create (no " + Containers.LEASE_LABEL + "=" + lease
                    + " label); remove or rename it");
        }
        HostConfig h = c.getHostConfig();
        int port = Containers.sshPort(labels).orElse(0);
        long memory = spec.memoryMiB() * 1024 * 1024;
        if (port != spec.sshPort() || !Objects.equals(h.getNanoCPUs(), spec.cpus() * 1_000_000_000L)
                || !Objects.equals(h.getMemory(), memory)) {
            throw new ComputeException("docker: lease " + lease + " already has a machine with other settings (SSH "
                    + "port " + port + ", " + cpus(h.getNanoCPUs()) + " CPUs, " + mib(h.getMemory()) + " MiB of "
                    + "memory); destroy it first");
        }
        if ("created".equals(c.getState().getStatus())) {
            LOG.warn("docker backend: lease {}: removing {}, created but never started, to create it again", lease,
                    shortId(c.getId()));
            engine.remove(c.getId());
            return Optional.empty();
        }
        if ("running".equals(c.getState().getStatus())) {
            try {
                relay(lease, c.getId(), port);
                awaitSsh(c.getId(), port);
            } catch (ComputeException e) {
                throw new ComputeException("docker: lease " + lease + " exists but " + e.getMessage() + log(c.getId()),
                        e);
            }
        }
        return Optional.of(machine(c));
    }

    /** Refuses a spec this host cannot serve before anything exists for it. */
    private void checkBeforeCreating(MachineSpec spec) throws ComputeException {
        String lease = spec.leaseId();
        if (!engine.imageExists(image)) {
            throw new ComputeException("docker: lease " + lease + ": image " + image + " not found; build it with "
                    + "tools/images/build-container or set image in etc/" + PID + ".cfg");
        }
        Info info = engine.info();
        if (info.getNCPU() != null && spec.cpus() > info.getNCPU()) {
            throw new ComputeException("docker: lease " + lease + " asks for " + spec.cpus() + " CPUs; this host has "
                    + info.getNCPU());
        }
        if (info.getMemTotal() != null && spec.memoryMiB() * 1024 * 1024 > info.getMemTotal()) {
            throw new ComputeException("docker: lease " + lease + " asks for " + spec.memoryMiB() + " MiB of memory; "
                    + "this host has " + info.getMemTotal() / (1024 * 1024) + " MiB");
        }
        for (String id : engine.containerIds(Containers.SSH_PORT_LABEL + "=" + spec.sshPort())) {
            String other = engine.inspect(id).map(c -> Containers.lease(c.getConfig().getLabels())).orElse(null);
            if (other != null) { // a stopped machine keeps its port
                throw new ComputeException("docker: lease " + lease + ": SSH port " + spec.sshPort()
                        + " belongs to the machine of lease " + other);
            }
        }
        if (!SshPorts.free(spec.sshPort())) {
            throw new ComputeException("docker: lease " + lease + ": SSH port 127.0.0.1:" + spec.sshPort()
                    + " is already in use");
        }
        if (spec.diskGiB() > 0 && !diskLimit) {
            LOG.info("docker backend: lease {}: disk size {} GiB is not enforced (diskLimit=false in {}.cfg)", lease,
                    spec.diskGiB(), PID);
        }
    }

    private ComputeException removeAfterFailure(String lease, String id, Throwable cause) {
        String message = (cause instanceof ComputeException ? cause.getMessage() : cause.toString()) + log(id);
        try {
            engine.remove(id);
        } catch (ComputeException e) {
            message += " (and removing the container failed: " + e.getMessage() + ")";
        }
        return new ComputeException("docker: cannot create the machine of lease " + lease + ": " + message, cause);
    }

    @Override
    public Machine start(String leaseId) throws ComputeException {
        synchronized (lock(leaseId)) {
            InspectContainerResponse c = ours(leaseId).orElseThrow(() -> missing(leaseId));
            engine.start(c.getId());
            String banner;
            try {
                int port = Containers.sshPort(c.getConfig().getLabels()).orElse(0);
                relay(leaseId, c.getId(), port);
                banner = awaitSsh(c.getId(), port);
            } catch (ComputeException e) {
                throw new ComputeException("docker: lease " + leaseId + " did not start: " + e.getMessage()
                        + log(c.getId()), e);
            }
            LOG.info("docker backend: lease {} started ({})", leaseId, banner);
            return machine(c.getId());
        }
    }

    @Override
    public Machine stop(String leaseId) throws ComputeException {
        synchronized (lock(leaseId)) {
            InspectContainerResponse c = ours(leaseId).orElseThrow(() -> missing(leaseId));
            unrelay(leaseId);
            engine.stop(c.getId(), stopTimeoutSeconds);
            LOG.info("docker backend: lease {} stopped", leaseId);
            return machine(c.getId());
        }
    }

    @Override
    public void destroy(String leaseId) throws ComputeException {
        synchronized (lock(leaseId)) {
            Optional<InspectContainerResponse> c = ours(leaseId);
            unrelay(leaseId);
            if (c.isPresent()) {
                engine.remove(c.get().getId());
                LOG.info("docker backend: lease {} destroyed (container {} removed)", leaseId,
                        shortId(c.get().getId()));
            }
        }
    }

    @Override
    public Optional<Machine> status(String leaseId) throws ComputeException {
        Optional<InspectContainerResponse> c = ours(leaseId);
        return c.isPresent() ? Optional.of(machine(c.get())) : Optional.empty();
    }

    @Override
    public List<Machine> list() throws ComputeException {
        List<Machine> machines = new ArrayList<>();
        for (String id : engine.containerIds(Containers.LEASE_LABEL)) {
            engine.inspect(id).filter(c -> Containers.ours(c.getConfig().getLabels())).map(DockerBackend::machine)
                    .ifPresent(machines::add); // gone in between: not listed
        }
        machines.sort(Comparator.comparing(Machine::leaseId));
        return machines;
    }

    /** The container of a lease, if it exists and carries that lease's label. */
    private Optional<InspectContainerResponse> ours(String leaseId) throws ComputeException {
        if (leaseId == null || !leaseId.matches("[A-Za-z0-9][A-Za-z0-9-]{0,47}")) {
            return Optional.empty(); // no MachineSpec could have created it
        }
        Optional<InspectContainerResponse> c = engine.inspect(Containers.name(leaseId));
        if (c.isPresent() && !leaseId.equals(Containers.lease(c.get().getConfig().getLabels()))) {
            LOG.warn("docker backend: container {} is not labelled {}={}; leaving it alone",
                    Containers.name(leaseId), Containers.LEASE_LABEL, leaseId);
            return Optional.empty();
        }
        return c;
    }

    /**
     * Waits until 127.0.0.1:{@code port} greets with an SSH version line, while the container keeps running; the
     * banner, or an exception saying why not.
     */
    private String awaitSsh(String id, int port) throws ComputeException {
        Instant deadline = Instant.now().plus(sshTimeout);
        Instant nextCheck = Instant.now().plus(PROBE_TIMEOUT);
        while (true) {
            Optional<String> banner = SshPorts.banner(port, PROBE_TIMEOUT);
            if (banner.isPresent()) {
                return banner.get();
            }
            Instant now = Instant.now();
            if (now.isAfter(nextCheck)) {
                nextCheck = now.plus(PROBE_TIMEOUT);
                InspectContainerResponse c = engine.inspect(id).orElseThrow(() -> new ComputeException(
                        "docker: container " + shortId(id) + " disappeared while starting"));
                if (!"running".equals(c.getState().getStatus())) {
                    throw new ComputeException("container " + shortId(id) + " is " + c.getState().getStatus()
                            + " (exit code " + c.getState().getExitCodeLong() + ") before its SSH server answered");
                }
            }
            if (now.isAfter(deadline)) {
                throw new ComputeException("no SSH server answered on 127.0.0.1:" + port + " within "
                        + sshTimeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ComputeException("interrupted while waiting for SSH on 127.0.0.1:" + port, e);
            }
        }
    }

    private String log(String id) {
        String logs = engine.logTail(id, LOG_LINES);
        return logs.isEmpty() ? "" : "; container log:\n" + logs;
    }

    private Machine machine(String id) throws ComputeException {
        return machine(engine.inspect(id).orElseThrow(() -> new ComputeException("docker: container "
                + shortId(id) + " disappeared")));
    }

    private static Machine machine(InspectContainerResponse c) {
        InspectContainerResponse.ContainerState s = c.getState();
        long exitCode = s.getExitCodeLong() == null ? -1 : s.getExitCodeLong();
        return Containers.machine(c.getId(), c.getConfig().getLabels(),
                Containers.state(s.getStatus(), exitCode, Boolean.TRUE.equals(s.getOOMKilled())),
                Containers.daemonTime(c.getCreated()));
    }

    private Object lock(String leaseId) {
        return leaseLocks.computeIfAbsent(leaseId, k -> new Object());
    }

    private static ComputeException missing(String leaseId) {
        return new ComputeException("docker: no machine for lease " + leaseId);
    }

    private static void positive(String key, int value) throws HamsterException {
        if (value <= 0) {
            throw config(key + " must be at least 1, got " + value);
        }
    }

    private static HamsterException config(String message) {
        return new HamsterException(ErrorCode.CONFIG, PID + ": " + message);
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String cpus(Long nanoCpus) {
        return nanoCpus == null || nanoCpus == 0 ? "unlimited" : BigDecimal.valueOf(nanoCpus, 9)
                .stripTrailingZeros().toPlainString();
    }

    private static String mib(Long bytes) {
        return bytes == null || bytes == 0 ? "unlimited" : Long.toString(bytes / (1024 * 1024));
    }
}
