package org.hamster.backend.kvm.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.compute.ComputeBackend;
import org.hamster.compute.ComputeException;
import org.hamster.compute.Machine;
import org.hamster.compute.MachineSpec;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machines as libvirt domains: one persistent domain per lease, {@code hamster-<leaseId>}, whose
 * {@code <metadata>} holds the lease, its SSH port and creation time ({@link LeaseMetadata}); domains without it
 * are never touched. The guest boots the configured kernel and initramfs with the tenant key on its command line
 * ({@link KernelCmdline}), gets the lease's vCPUs and memory, an optional qcow2 disk, and QEMU user-mode networking
 * that forwards 127.0.0.1:sshPort to its port 22 ({@link DomainXml}). Calls for one lease are serialised; calls
 * for different leases run in parallel.
 */
@Component(service = ComputeBackend.class, configurationPid = KvmBackend.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = ComputeBackend.NAME_PROPERTY + "=" + KvmBackend.NAME)
@Designate(ocd = KvmBackendConfig.class)
public final class KvmBackend implements ComputeBackend {
    static final String PID = "org.hamster.backend.kvm";
    static final String NAME = "kvm";
    static final String DOMAIN_PREFIX = "hamster-";
    private static final Logger LOG = LoggerFactory.getLogger(KvmBackend.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int UNDEFINE_FLAGS = Domain.UndefineFlags.MANAGED_SAVE
            | Domain.UndefineFlags.SNAPSHOTS_METADATA;
    private final Object[] leaseLocks = new Object[64];
    /** Held while checking that an SSH port is free and defining the domain that takes it. */
    private final Object portLock = new Object();
    private Libvirt libvirt;
    private DomainType type;
    private Path kernel;
    private Path initrd;
    private String cmdline;
    private Path diskImage;
    private Duration bootTimeout;
    private Duration stopTimeout;
    private String nicModel;
    private boolean guestInternet;
    private LeaseFiles files;

    public KvmBackend() {
        for (int i = 0; i < leaseLocks.length; i++) {
            leaseLocks[i] = new Object();
        }
    }

    @Activate
    void activate(KvmBackendConfig config) throws HamsterException {
        String uri = config.uri().trim();
        if (uri.isEmpty()) {
            throw config("uri must name a libvirt connection, e.g. qemu:///system");
        }
        try {
            type = DomainType.choose(config.domainType(), Files.exists(Path.of("/dev/kvm")), cpuinfo());
        } catch (IllegalArgumentException e) {
            throw config(e.getMessage());
        }
        kernel = absolute("kernel", config.kernel(), true);
        initrd = absolute("initrd", config.initrd(), false);
        diskImage = absolute("diskImage", config.diskImage(), false);
        Path stateDir = absolute("stateDir", config.stateDir(), true);
        cmdline = config.cmdline().strip();
        if (cmdline.contains("hamster.")) {
            throw config("cmdline must not set hamster.* arguments: the backend adds them");
        }
        if (!Guest.NIC_MODELS.contains(config.nicModel().trim())) {
            throw config("nicModel must be one of " + Guest.NIC_MODELS + ", got '" + config.nicModel() + "'");
        }
        nicModel = config.nicModel().trim();
        positive("bootTimeoutSeconds", config.bootTimeoutSeconds());
        positive("stopTimeoutSeconds", config.stopTimeoutSeconds());
        bootTimeout = Duration.ofSeconds(config.bootTimeoutSeconds());
        stopTimeout = Duration.ofSeconds(config.stopTimeoutSeconds());
        guestInternet = config.guestInternet();
        if (config.qemuImg().isBlank()) {
            throw config("qemuImg must name the qemu-img executable");
        }
        files = new LeaseFiles(stateDir, diskImage, new QemuImg(config.qemuImg().trim()));
        libvirt = new Libvirt(uri);
        List<String> missing = new ArrayList<>();
        for (Path p : new Path[] {kernel, initrd, diskImage}) {
            if (p != null && !Files.isReadable(p)) {
                missing.add(p.toString());
            }
        }
        LOG.info("kvm backend: {} domains at {}, kernel {}{}, state in {}{}", type.xmlName(), uri, kernel,
                initrd == null ? "" : " + " + initrd, files.stateDir(), missing.isEmpty() ? ""
                        : "; missing " + missing + " (build the image with tools/images/build-vm)");
    }

    @Deactivate
    void deactivate() {
        libvirt.close();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The domain type in use, for tests and the log. */
    DomainType domainType() {
        return type;
    }

    @Override
    public Machine create(MachineSpec spec) throws ComputeException {
        String name = domainName(spec.leaseId());
        synchronized (lockOf(spec.leaseId())) {
            Optional<Domain> named = libvirt.lookup(name);
            if (named.isPresent() && metadata(named.get()).isEmpty()) {
                throw new ComputeException("kvm: cannot create lease " + spec.leaseId() + ": a domain named " + name
                        + " exists that this backend did not make; remove or rename it");
            }
            Optional<Ours> existing = ours(spec.leaseId());
            if (existing.isPresent()) {
                Machine m = machine(existing.get());
                LOG.info("kvm: lease {} already has domain {} ({}, SSH on 127.0.0.1:{})", spec.leaseId(), name,
                        m.state(), m.sshPort());
                return m;
            }
            Guest guest = plan(spec);
            Instant started = Instant.now();
            try {
                Domain domain;
                synchronized (portLock) {
                    checkPortFree(spec.sshPort(), spec.leaseId());
                    String xml = DomainXml.render(guest);
                    domain = libvirt.call("define domain " + name, c -> c.domainDefineXML(xml));
                }
                if (guest.disk() != null) {
                    files.makeDisk(spec.leaseId(), spec.diskGiB());
                }
                libvirt.call("start domain " + name, Domain::create, domain);
                awaitSsh(domain, guest.metadata(), started);
                Machine m = machine(new Ours(domain, guest.metadata()));
                LOG.info("kvm: lease {} running as {} ({} vCPU, {} MiB{}), SSH on 127.0.0.1:{} after {} ms",
                        spec.leaseId(), name, spec.cpus(), spec.memoryMiB(), guest.disk() == null ? ""
                                : ", disk " + guest.disk().getFileName(), spec.sshPort(),
                        Duration.between(started, Instant.now()).toMillis());
                return m;
            } catch (ComputeException | RuntimeException e) {
                removeQuietly(name, guest.metadata());
                throw e;
            }
        }
    }

    @Override
    public Machine start(String leaseId) throws ComputeException {
        synchronized (lockOf(leaseId)) {
            Ours ours = require(leaseId);
            if (isActive(ours.domain())) {
                return machine(ours);
            }
            int port = ours.metadata().sshPort();
            if (!bindable(port)) {
                throw new ComputeException("kvm: cannot start lease " + leaseId + ": 127.0.0.1:" + port
                        + " is taken by another process");
            }
            Instant started = Instant.now();
            libvirt.call("start domain " + domainName(leaseId), Domain::create, ours.domain());
            try {
                awaitSsh(ours.domain(), ours.metadata(), started);
            } catch (ComputeException e) {
                powerOffQuietly(ours.domain());
                throw e;
            }
            LOG.info("kvm: lease {} started, SSH on 127.0.0.1:{} after {} ms", leaseId, port,
                    Duration.between(started, Instant.now()).toMillis());
            return machine(ours);
        }
    }

    @Override
    public Machine stop(String leaseId) throws ComputeException {
        synchronized (lockOf(leaseId)) {
            Ours ours = require(leaseId);
            Domain d = ours.domain();
            if (!isActive(d)) {
                return machine(ours);
            }
            try {
                libvirt.run("shut down domain " + domainName(leaseId), Domain::shutdown, d);
            } catch (ComputeException e) {
                LOG.debug("kvm: ACPI shutdown of lease {} refused ({}); powering off", leaseId, e.getMessage());
            }
            Instant deadline = Instant.now().plus(stopTimeout);
            while (isActive(d) && Instant.now().isBefore(deadline)) {
                sleep(POLL);
            }
            boolean clean = !isActive(d);
            if (!clean) {
                libvirt.run("power off domain " + domainName(leaseId), Domain::destroy, d);
            }
            LOG.info("kvm: lease {} stopped ({})", leaseId, clean ? "shut down" : "powered off after "
                    + stopTimeout.toSeconds() + " s");
            return machine(ours);
        }
    }

    @Override
    public void destroy(String leaseId) throws ComputeException {
        String name = domainName(leaseId);
        synchronized (lockOf(leaseId)) {
            Optional<Domain> domain = libvirt.lookup(name);
            if (domain.isEmpty()) {
                // a create interrupted before its domain was defined may have left these
                files.delete(leaseId, files.disk(leaseId), files.serialLog(leaseId));
                return;
            }
            Optional<LeaseMetadata> metadata = metadata(domain.get());
            if (metadata.isEmpty() || !metadata.get().leaseId().equals(leaseId)) {
                LOG.warn("kvm: domain {} was not made by this backend; leaving it alone", name);
                return;
            }
            remove(domain.get(), metadata.get());
            LOG.info("kvm: lease {} destroyed", leaseId);
        }
    }

    @Override
    public Optional<Machine> status(String leaseId) throws ComputeException {
        Optional<Ours> ours = ours(leaseId);
        return ours.isEmpty() ? Optional.empty() : Optional.of(machine(ours.get()));
    }

    @Override
    public List<Machine> list() throws ComputeException {
        Domain[] all = libvirt.call("list domains", c -> c.listAllDomains(0));
        List<Machine> machines = new ArrayList<>();
        for (Domain d : all) {
            String name = libvirt.call("read a domain name", Domain::getName, d);
            if (!name.startsWith(DOMAIN_PREFIX)) {
                continue;
            }
            Optional<LeaseMetadata> metadata;
            try {
                metadata = metadata(d);
            } catch (ComputeException e) {
                LOG.debug("kvm: skipping {}: {}", name, e.getMessage());
                continue; // undefined meanwhile
            }
            if (metadata.isPresent() && name.equals(domainName(metadata.get().leaseId()))) {
                machines.add(machine(new Ours(d, metadata.get())));
            }
        }
        machines.sort(Comparator.comparing(Machine::leaseId));
        return machines;
    }

    static String domainName(String leaseId) {
        return DOMAIN_PREFIX + leaseId;
    }

    /** Where the disk and serial log of a lease are. */
    LeaseFiles files() {
        return files;
    }

    /** A domain of ours with what it records about its lease. */
    private record Ours(Domain domain, LeaseMetadata metadata) {
    }

    /** Everything create will make, after checking what can be checked without making anything. */
    private Guest plan(MachineSpec spec) throws ComputeException {
        String lease = spec.leaseId();
        for (Path p : new Path[] {kernel, initrd, diskImage}) {
            if (p != null && !Files.isReadable(p)) {
                throw new ComputeException("kvm: cannot create lease " + lease + ": " + p + " is missing or not "
                        + "readable (build the VM image with tools/images/build-vm)");
            }
        }
        NodeInfo node = libvirt.call("read the host's CPUs and memory", c -> c.nodeInfo());
        if (spec.cpus() > node.cpus) {
            throw new ComputeException("kvm: lease " + lease + " asks for " + spec.cpus() + " vCPUs, this host has "
                    + node.cpus);
        }
        long hostMiB = node.memory / 1024;
        if (spec.memoryMiB() > hostMiB) {
            throw new ComputeException("kvm: lease " + lease + " asks for " + spec.memoryMiB() + " MiB, this host "
                    + "has " + hostMiB + " MiB");
        }
        String line;
        try {
            line = KernelCmdline.forLease(cmdline, lease, spec.sshPublicKey());
        } catch (IllegalArgumentException e) {
            throw new ComputeException("kvm: lease " + lease + ": " + e.getMessage());
        }
        Path disk = null;
        if (diskImage != null) {
            long baseBytes = files.baseImageBytes();
            if (spec.diskGiB() > 0 && spec.diskGiB() * (1L << 30) < baseBytes) {
                throw new ComputeException("kvm: lease " + lease + " asks for a " + spec.diskGiB() + " GiB disk, "
                        + "smaller than the base image " + diskImage + " (" + baseBytes + " bytes)");
            }
            disk = files.disk(lease);
        } else if (spec.diskGiB() > 0) {
            disk = files.disk(lease);
        }
        files.prepare();
        LeaseMetadata metadata = new LeaseMetadata(lease, spec.sshPort(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                disk, files.serialLog(lease));
        return new Guest(domainName(lease), type, spec.cpus(), spec.memoryMiB(), kernel, initrd, line, disk,
                metadata.serialLog(), spec.sshPort(), nicModel, guestInternet, metadata);
    }

    /** The port is neither recorded by another of our domains (running or not) nor bound on 127.0.0.1. */
    private void checkPortFree(int port, String leaseId) throws ComputeException {
        for (Machine m : list()) {
            if (m.sshPort() == port && !m.leaseId().equals(leaseId)) {
                throw new ComputeException("kvm: lease " + leaseId + ": SSH port " + port + " belongs to lease "
                        + m.leaseId());
            }
        }
        if (!bindable(port)) {
            throw new ComputeException("kvm: lease " + leaseId + ": 127.0.0.1:" + port
                    + " is taken by another process");
        }
    }

    static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitSsh(Domain domain, LeaseMetadata metadata, Instant started) throws ComputeException {
        Instant deadline = started.plus(bootTimeout);
        boolean up;
        try {
            up = SshBanner.await(metadata.sshPort(), deadline, () -> isActive(domain));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeException("kvm: interrupted while lease " + metadata.leaseId() + " was booting", e);
        }
        if (!up) {
            String why = isActive(domain) ? "did not answer SSH on 127.0.0.1:" + metadata.sshPort() + " within "
                    + bootTimeout.toSeconds() + " s (" + type.xmlName() + " domain)" : "stopped while booting";
            throw new ComputeException("kvm: the guest of lease " + metadata.leaseId() + " " + why
                    + LeaseFiles.serialTail(metadata.serialLog()));
        }
    }

    private Optional<Ours> ours(String leaseId) throws ComputeException {
        Optional<Domain> domain = libvirt.lookup(domainName(leaseId));
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        Optional<LeaseMetadata> metadata = metadata(domain.get());
        if (metadata.isEmpty() || !metadata.get().leaseId().equals(leaseId)) {
            return Optional.empty(); // a domain of that name that this backend did not make
        }
        return Optional.of(new Ours(domain.get(), metadata.get()));
    }

    private Ours require(String leaseId) throws ComputeException {
        return ours(leaseId).orElseThrow(() -> new ComputeException("kvm: no machine for lease " + leaseId));
    }

    private Optional<LeaseMetadata> metadata(Domain d) throws ComputeException {
        String xml = libvirt.call("read a domain's XML", x -> x.getXMLDesc(0), d);
        return LeaseMetadata.fromDomainXml(xml);
    }

    private Machine machine(Ours ours) throws ComputeException {
        Domain d = ours.domain();
        String uuid = libvirt.call("read a domain's UUID", Domain::getUUIDString, d);
        DomainState state = libvirt.call("read a domain's state", x -> x.getInfo().state, d);
        LeaseMetadata m = ours.metadata();
        return new Machine(m.leaseId(), NAME, uuid, state(state), m.sshPort(), m.created());
    }

    static Machine.State state(DomainState s) {
        switch (s) {
            case VIR_DOMAIN_RUNNING:
            case VIR_DOMAIN_BLOCKED:
            case VIR_DOMAIN_SHUTDOWN: // shutting down, still up
                return Machine.State.RUNNING;
            case VIR_DOMAIN_SHUTOFF:
                return Machine.State.STOPPED;
            default: // paused, crashed, suspended, no state
                return Machine.State.FAILED;
        }
    }

    private boolean isActive(Domain d) {
        try {
            return libvirt.call("read whether a domain runs", Domain::isActive, d) == 1;
        } catch (ComputeException e) {
            return false;
        }
    }

    /** Powers off, undefines and deletes the files of one of our domains. */
    private void remove(Domain d, LeaseMetadata metadata) throws ComputeException {
        if (isActive(d)) {
            libvirt.run("power off domain " + domainName(metadata.leaseId()), Domain::destroy, d);
        }
        libvirt.run("undefine domain " + domainName(metadata.leaseId()), x -> x.undefine(UNDEFINE_FLAGS), d);
        files.delete(metadata.leaseId(), metadata.disk(), metadata.serialLog());
    }

    /** Undoes a create that failed half-way; the create's own error is what the caller reports. */
    private void removeQuietly(String name, LeaseMetadata metadata) {
        try {
            Optional<Domain> d = libvirt.lookup(name);
            if (d.isPresent()) {
                // only the domain this create defined (same metadata), never one that was there before
                if (metadata(d.get()).filter(metadata::equals).isPresent()) {
                    remove(d.get(), metadata);
                }
            } else {
                files.delete(metadata.leaseId(), metadata.disk(), metadata.serialLog());
            }
        } catch (ComputeException | RuntimeException e) {
            LOG.warn("kvm: could not clean up after the failed create of {}: {}", name, e.getMessage());
        }
    }

    private void powerOffQuietly(Domain d) {
        try {
            if (isActive(d)) {
                libvirt.run("power off a domain", Domain::destroy, d);
            }
        } catch (ComputeException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    private Object lockOf(String leaseId) {
        return leaseLocks[Math.floorMod(leaseId.hashCode(), leaseLocks.length)];
    }

    private static void sleep(Duration d) throws ComputeException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeException("kvm: interrupted", e);
        }
    }

    private static String cpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return "";
        }
    }

    private static Path absolute(String key, String value, boolean required) throws HamsterException {
        String v = value.trim();
        if (v.isEmpty()) {
            if (required) {
                throw config(key + " must be set");
            }
            return null;
        }
        Path p = Path.of(v);
        if (!p.isAbsolute()) {
            throw config(key + " must be an absolute path, got '" + v + "'");
        }
        return p.normalize();
    }

    private static void positive(String key, int value) throws HamsterException {
        if (value <= 0) {
            throw config(key + " must be at least 1, got " + value);
        }
    }

    private static HamsterException config(String message) {
        return new HamsterException(ErrorCode.CONFIG, PID + ": " + message);
    }
}
