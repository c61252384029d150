package org.hamster.backend.kvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hamster.compute.ComputeException;
import org.hamster.compute.Machine;
import org.hamster.compute.MachineSpec;
import org.hamster.compute.SshPublicKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * The backend against a real libvirtd (qemu:///system) booting the image of tools/images/build-vm, logged into
 * with the real ssh client. These tests fail when libvirtd cannot be reached, unless -Dhamster.kvm.tests=skip.
 */
class KvmBackendIT {
    private static final String URI = System.getProperty("hamster.kvm.uri", "qemu:///system");
    /** Must be readable by QEMU's user (libvirt-qemu): not under /root. */
    private static final Path IMAGE_DIR = Path.of(System.getProperty("hamster.kvm.imageDir",
            "/var/tmp/hamster/images/vm"));
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static Connect libvirt;
    private static Path stateDir;
    private static String cpuinfo;
    private final List<KvmBackend> backends = new ArrayList<>();
    private final List<String> leases = new ArrayList<>();
    @TempDir
    Path tmp;

    @BeforeAll
    static void libvirtdAndImage() throws Exception {
        assumeFalse("skip".equals(System.getProperty("hamster.kvm.tests")), "-Dhamster.kvm.tests=skip");
        try {
            libvirt = new Connect(URI);
        } catch (LibvirtException | LinkageError e) {
            fail("libvirtd is not reachable at " + URI + " (" + e.getMessage() + "): install qemu-system-x86 "
                    + "qemu-utils libvirt-daemon-system libvirt-clients openssh-client and start virtlogd and libvirtd,"
                    + " or skip these tests with -Dhamster.kvm.tests=skip");
        }
        if (!Files.isReadable(IMAGE_DIR.resolve("vmlinuz")) || !Files.isReadable(IMAGE_DIR.resolve("initrd.gz"))) {
            String script = System.getProperty("hamster.kvm.imageScript", "../../tools/images/build-vm");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("bash", script, "--out", IMAGE_DIR.toString()).inheritIO().start();
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), "build-vm took more than 10 minutes");
            assertEquals(0, p.exitValue(), "build-vm failed");
            System.out.printf("KVM-IT: built the VM image in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        // not a @TempDir: QEMU's user must be able to traverse it, and the backend creates it (mode 0711)
        stateDir = Path.of("/tmp", "hamster-kvm-it-" + RUN);
        cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
    }

    @AfterEach
    void removeWhatTheTestMade() {
        for (String lease : leases) {
            try {
                backends.get(0).destroy(lease);
            } catch (ComputeException | RuntimeException e) {
                System.out.println("KVM-IT: cleanup of " + lease + ": " + e.getMessage());
            }
        }
        backends.forEach(KvmBackend::deactivate);
    }

    @AfterAll
    static void closeLibvirt() throws Exception {
        if (libvirt != null) {
            libvirt.close();
        }
        if (stateDir != null && Files.isDirectory(stateDir)) {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aMachineBootsWithTheLeasesLimitsAndTheTenantLogsIn() throws Exception {
        KvmBackend backend = backend(Map.of());
        Path key = keygen("tenant");
        String lease = lease("life");
        int port = freePort();
        MachineSpec spec = new MachineSpec(lease, 2, 256, 1, publicKey(key), port);

        long t0 = System.nanoTime();
        Machine m = backend.create(spec);
        long created = System.nanoTime();
        String out = ssh(key, port, "nproc; grep MemTotal /proc/meminfo; cat /sys/block/vda/size; "
                + "cat /root/.ssh/authorized_keys; echo hello from $(hostname)");
        long loggedIn = System.nanoTime();
        System.out.printf("KVM-IT: create() returned after %d ms, first ssh command done after %d ms (%s domain)%n",
                (created - t0) / 1_000_000, (loggedIn - t0) / 1_000_000, backend.domainType().xmlName());

        assertEquals(new Machine(lease, "kvm", m.nativeId(), Machine.State.RUNNING, port, m.created()), m);
        List<String> lines = out.lines().toList();
        assertEquals("2", lines.get(0), out);
        long memTotalKiB = Long.parseLong(lines.get(1).replaceAll("[^0-9]", ""));
        assertTrue(memTotalKiB > 256 * 1024 * 7 / 10 && memTotalKiB <= 256 * 1024, out);
        assertEquals(Long.toString((1L << 30) / 512), lines.get(2), "a 1 GiB vda: " + out);
        assertEquals(publicKey(key).line(), lines.get(3));
        assertEquals("hello from hamster", lines.get(4));

        // what libvirt holds: the lease's domain with its limits and the type auto picked for this host
        Domain d = libvirt.domainLookupByName("hamster-" + lease);
        assertEquals(m.nativeId(), d.getUUIDString());
        assertEquals(2, d.getInfo().nrVirtCpu);
        assertEquals(256 * 1024, d.getMaxMemory());
        String xml = d.getXMLDesc(0);
        assertTrue(xml.contains("<domain type='" + DomainType.choose("auto", Files.exists(Path.of("/dev/kvm")),
                cpuinfo).xmlName() + "'"), xml);
        assertFalse(xml.contains("<graphics"), xml);
        assertTrue(Files.exists(backend.files().disk(lease)));

        // create again: the same machine, at once
        long t1 = System.nanoTime();
        assertEquals(m, backend.create(spec));
        assertTrue((System.nanoTime() - t1) / 1_000_000 < 5000);

        // another lease cannot take this one's port, and nothing is made for it
        String thief = lease("thief");
        ComputeException taken = assertThrows(ComputeException.class,
                () -> backend.create(new MachineSpec(thief, 1, 128, 0, publicKey(key), port)));
        assertTrue(taken.getMessage().contains(Integer.toString(port)), taken.getMessage());
        assertNothingFor(backend, thief);

        // a restarted provider (a new component instance) sees the machine from libvirt alone
        KvmBackend restarted = backend(Map.of());
        assertEquals(Optional.of(m), restarted.status(lease));
        assertTrue(restarted.list().contains(m));

        long t2 = System.nanoTime();
        Machine stopped = restarted.stop(lease);
        assertEquals(Machine.State.STOPPED, stopped.state());
        // the guest obeyed the ACPI power button well before stopTimeoutSeconds (20 s) ran out
        assertTrue((System.nanoTime() - t2) / 1_000_000 < 15_000);
        assertEquals(Machine.State.STOPPED, backend.status(lease).orElseThrow().state());
        assertEquals(Machine.State.RUNNING, backend.start(lease).state());
        assertEquals("up", ssh(key, port, "echo up").strip());

        backend.destroy(lease);
        assertTrue(backend.status(lease).isEmpty());
        assertThrows(LibvirtException.class, () -> libvirt.domainLookupByName("hamster-" + lease));
        assertFalse(Files.exists(backend.files().disk(lease)));
        assertFalse(Files.exists(backend.files().serialLog(lease)));
        assertFalse(SshBanner.answers(port));
        backend.destroy(lease); // nothing left: a no-op
        assertThrows(ComputeException.class, () -> backend.start(lease));
    }

    @Test
    void theDiskIsACopyOnWriteOverlayOfTheBaseImage() throws Exception {
        Path base = inStateDir("base.qcow2");
        try {
            run("qemu-img", "create", "-q", "-f", "qcow2", base.toString(), "2G");
            KvmBackend backend = backend(Map.of("diskImage", base.toString()));
            Path key = keygen("overlay");
            String lease = lease("cow");
            int port = freePort();

            String small = lease("small");
            ComputeException e = assertThrows(ComputeException.class,
                    () -> backend.create(new MachineSpec(small, 1, 128, 1, publicKey(key), port)));
            assertTrue(e.getMessage().contains("smaller than the base image"), e.getMessage());
            assertNothingFor(backend, small);

            backend.create(new MachineSpec(lease, 1, 192, 3, publicKey(key), port));
            assertEquals(Long.toString((3L << 30) / 512), ssh(key, port, "cat /sys/block/vda/size").strip());
            String info = run("qemu-img", "info", "-U", "--output=json", backend.files().disk(lease).toString());
            assertTrue(info.contains("\"backing-filename\": \"" + base + "\""), info);
            assertTrue(info.contains("\"virtual-size\": " + (3L << 30)), info);
            backend.destroy(lease);
            assertFalse(Files.exists(backend.files().disk(lease)));
            assertTrue(Files.exists(base), "the base image stays");
        } finally {
            Files.deleteIfExists(base);
        }
    }

    @Test
    void listSeesOnlyOurDomains() throws Exception {
        KvmBackend backend = backend(Map.of());
        String foreignName = "kvmit-" + RUN + "-foreign";
        String impostor = "kvmit-" + RUN + "-impostor";
        List<Domain> foreign = List.of(defineForeign(foreignName), defineForeign("hamster-" + impostor));
        try {
            List<String> listed = backend.list().stream().map(Machine::leaseId).toList();
            assertFalse(listed.stream().anyMatch(l -> l.contains(RUN + "-foreign") || l.contains(RUN + "-impostor")),
                    listed.toString());
            assertTrue(backend.status(impostor).isEmpty());
            backend.destroy(impostor); // not ours: left alone
            assertEquals(foreign.get(1).getUUIDString(), libvirt.domainLookupByName("hamster-" + impostor)
                    .getUUIDString());
            ComputeException e = assertThrows(ComputeException.class, () -> backend.create(new MachineSpec(impostor,
                    1, 128, 0, publicKey(keygen("impostor")), freePort())));
            assertTrue(e.getMessage().contains("did not make"), e.getMessage());
            libvirt.domainLookupByName("hamster-" + impostor);
        } finally {
            for (Domain d : foreign) {
                d.undefine();
            }
        }
    }

    @Test
    void badSpecsAreRefusedBeforeAnythingIsMade() throws Exception {
        KvmBackend backend = backend(Map.of());
        SshPublicKey key = publicKey(keygen("bad"));
        int hostCpus = libvirt.nodeInfo().cpus;
        long hostMiB = libvirt.nodeInfo().memory / 1024;

        String tooManyCpus = lease("cpus");
        if (hostCpus < 64) {
            ComputeException e = assertThrows(ComputeException.class,
                    () -> backend.create(new MachineSpec(tooManyCpus, hostCpus + 1, 128, 1, key, freePort())));
            assertTrue(e.getMessage().contains("vCPUs"), e.getMessage());
            assertNothingFor(backend, tooManyCpus);
        }
        String tooMuchMemory = lease("mem");
        ComputeException mem = assertThrows(ComputeException.class,
                () -> backend.create(new MachineSpec(tooMuchMemory, 1, hostMiB + 1024, 1, key, freePort())));
        assertTrue(mem.getMessage().contains("MiB"), mem.getMessage());
        assertNothingFor(backend, tooMuchMemory);

        String portTaken = lease("port");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ComputeException e = assertThrows(ComputeException.class,
                    () -> backend.create(new MachineSpec(portTaken, 1, 128, 1, key, busy.getLocalPort())));
            assertTrue(e.getMessage().contains("taken"), e.getMessage());
        }
        assertNothingFor(backend, portTaken);

        // the spec type itself refuses the rest (ports below 1024, zero CPUs, ...) before a backend sees it
        assertThrows(IllegalArgumentException.class, () -> new MachineSpec("x", 1, 128, 0, key, 22));
    }

    @Test
    void aGuestThatDoesNotAnswerInTimeIsRemoved() throws Exception {
        KvmBackend backend = backend(Map.of("bootTimeoutSeconds", 2));
        String lease = lease("slow");
        ComputeException e = assertThrows(ComputeException.class,
                () -> backend.create(new MachineSpec(lease, 1, 128, 1, publicKey(keygen("slow")), freePort())));
        assertTrue(e.getMessage().contains("did not answer SSH"), e.getMessage());
        assertNothingFor(backend, lease);
    }

    private KvmBackend backend(Map<String, Object> overrides) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of("uri", URI, "kernel",
                IMAGE_DIR.resolve("vmlinuz").toString(), "initrd", IMAGE_DIR.resolve("initrd.gz").toString(),
                "stateDir", stateDir.toString(), "bootTimeoutSeconds", 180));
        config.putAll(overrides);
        KvmBackend b = new KvmBackend();
        b.activate(TestConfigs.kvm(config));
        backends.add(b);
        return b;
    }

    private String lease(String what) {
        String lease = "kvmit-" + RUN + "-" + what;
        leases.add(lease);
        return lease;
    }

    private void assertNothingFor(KvmBackend backend, String lease) throws Exception {
        assertThrows(LibvirtException.class, () -> libvirt.domainLookupByName("hamster-" + lease));
        assertTrue(backend.status(lease).isEmpty());
        assertFalse(Files.exists(backend.files().disk(lease)), "no disk for " + lease);
        assertFalse(Files.exists(backend.files().serialLog(lease)), "no serial log for " + lease);
    }

    private Domain defineForeign(String name) throws LibvirtException {
        return libvirt.domainDefineXML("<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory>"
                + "<os><type arch='x86_64'>hvm</type></os></domain>");
    }

    /** A file in the state directory, which is made first as the backend would make it. */
    private static Path inStateDir(String name) throws IOException {
        if (!Files.isDirectory(stateDir)) {
            Files.createDirectories(stateDir);
            Files.setPosixFilePermissions(stateDir, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwx--x--x"));
        }
        return stateDir.resolve(name);
    }

    private Path keygen(String name) throws Exception {
        Path key = tmp.resolve(name);
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name + "@kvm-it", "-f", key.toString());
        return key;
    }

    private static SshPublicKey publicKey(Path key) throws IOException {
        return SshPublicKey.parse(Files.readString(Path.of(key + ".pub")));
    }

    private static String ssh(Path key, int port, String command) throws Exception {
        return run("ssh", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o",
                "BatchMode=yes", "-o", "ConnectTimeout=20", "-o", "LogLevel=ERROR", "-i", key.toString(), "-p",
                Integer.toString(port), "root@127.0.0.1", command);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), String.join(" ", command) + " hangs");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + text);
        return text;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
