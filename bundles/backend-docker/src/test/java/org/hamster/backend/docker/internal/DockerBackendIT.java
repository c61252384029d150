package org.hamster.backend.docker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.hamster.compute.ComputeException;
import org.hamster.compute.Machine;
import org.hamster.compute.MachineSpec;
import org.hamster.compute.SshPublicKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend against a real dockerd (DOCKER_HOST, else unix:///var/run/docker.sock) and the real image, logged into
 * with the real OpenSSH client. Fails when the daemon cannot be reached, unless -Dhamster.docker.tests=skip.
 */
class DockerBackendIT {
    private static final String IMAGE = "hamster/ssh-base:1";
    private static final String HOST = Optional.ofNullable(System.getProperty("hamster.docker.host"))
            .or(() -> Optional.ofNullable(System.getenv("DOCKER_HOST"))).orElse("unix:///var/run/docker.sock");
    /** Lease ids of this run start with it, so that concurrent or earlier runs are left alone. */
    private static final String RUN = "it" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    @TempDir
    static Path dir;
    private static DockerEngine docker;
    private static DockerBackend backend;
    private static Path privateKey;
    private static SshPublicKey publicKey;

    @BeforeAll
    static void daemonImageAndKey() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getProperty("hamster.docker.tests")),
                "-Dhamster.docker.tests=skip: Docker integration tests not run");
        docker = DockerEngine.connect(HOST, Duration.ofSeconds(10), Duration.ofSeconds(60));
        try {
            docker.version();
        } catch (ComputeException e) {
            fail("dockerd is not reachable at " + HOST + " (" + e.getMessage() + "). Start it with "
                    + "`dockerd --bridge=none --iptables=false &`, or run with -Dhamster.docker.tests=skip");
        }
        if (!docker.imageExists(IMAGE)) {
            String script = System.getProperty("hamster.image.script", "../../tools/images/build-container");
            long t0 = System.nanoTime();
            Result r = run(Duration.ofMinutes(10), script);
            assertEquals(0, r.exit, "tools/images/build-container failed:\n" + r.out);
            System.out.printf("built %s with %s in %d ms%n%s%n", IMAGE, script, ms(t0), r.out);
        }
        privateKey = dir.resolve("id_ed25519");
        Result keygen = run(Duration.ofSeconds(30), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C",
                "tenant@" + RUN, "-f", privateKey.toString());
        assertEquals(0, keygen.exit, keygen.out);
        publicKey = SshPublicKey.parse(Files.readString(dir.resolve("id_ed25519.pub")));
        backend = backend(Map.of());
    }

    @AfterAll
    static void removeWhatThisRunCreated() throws Exception {
        if (backend != null) {
            for (Machine m : backend.list()) {
                if (m.leaseId().startsWith(RUN)) {
                    backend.destroy(m.leaseId());
                }
            }
            backend.deactivate();
        }
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void theTenantLogsInWithItsKeyIntoALimitedContainer() throws Exception {
        MachineSpec spec = spec("login", 1, 256);
        long t0 = System.nanoTime();
        Machine m = backend.create(spec);
        long created = ms(t0);
        Result hello = ssh(spec.sshPort(), "echo hello-tenant; id -u; cat /root/.ssh/authorized_keys");
        System.out.printf("create %d ms, create to SSH login and command done %d ms%n", created, ms(t0));
        assertEquals(0, hello.exit, hello.out);
        assertEquals(List.of("hello-tenant", "0", publicKey.line()), hello.out.lines().toList());

        assertEquals(spec.leaseId(), m.leaseId());
        assertEquals("docker", m.backend());
        assertEquals(Machine.State.RUNNING, m.state());
        assertEquals(spec.sshPort(), m.sshPort());
        assertTrue(Duration.between(m.created(), Instant.now()).abs().toMinutes() < 1, m.created().toString());

        InspectContainerResponse c = docker.inspect(m.nativeId()).orElseThrow();
        assertEquals("/hamster-" + spec.leaseId(), c.getName());
        assertEquals(spec.leaseId(), c.getConfig().getLabels().get("org.hamster.lease"));
        assertEquals(Integer.toString(spec.sshPort()), c.getConfig().getLabels().get("org.hamster.ssh-port"));
        assertEquals(m.created(), Instant.parse(c.getConfig().getLabels().get("org.hamster.created")));
        assertTrue(List.of(c.getConfig().getEnv()).contains("HAMSTER_SSH_PORT=" + SshRelay.INNER_PORT));
        assertEquals("none", c.getHostConfig().getNetworkMode());
        // no network but its own loopback: the host's services (here the machine's own SSH port on the host) are
        // out of reach from inside
        Result isolation = ssh(spec.sshPort(), "ls /sys/class/net; /bin/busybox nc -w 2 127.0.0.1 "
                + spec.sshPort() + " </dev/null 2>/dev/null && echo host-reachable || echo isolated");
        assertEquals(List.of("lo", "isolated"), isolation.out.lines().toList(), isolation.out);
        assertEquals(1_000_000_000L, c.getHostConfig().getNanoCPUs());
        assertEquals(256L << 20, c.getHostConfig().getMemory());
        assertEquals(256L << 20, c.getHostConfig().getMemorySwap());

        assertLimitsInside(spec.sshPort(), 1, 256);
        assertCpuQuotaHolds(spec.sshPort(), 1);
        Result modes = ssh(spec.sshPort(), "stat -c '%a %u %n' /root/.ssh /root/.ssh/authorized_keys");
        assertEquals(List.of("700 0 /root/.ssh", "600 0 /root/.ssh/authorized_keys"), modes.out.lines().toList());
        assertListensOnLoopbackOnly(spec.sshPort());
        assertEquals(Optional.of(m), backend.status(spec.leaseId()));
    }

    @Test
    void twoLeasesRunSideBySideEachWithItsOwnLimitsAndFiles() throws Exception {
        MachineSpec a = spec("side-a", 1, 128);
        MachineSpec b = spec("side-b", 2, 192);
        CompletableFuture<Machine> fa = CompletableFuture.supplyAsync(() -> create(a));
        CompletableFuture<Machine> fb = CompletableFuture.supplyAsync(() -> create(b));
        Machine ma = fa.get(2, TimeUnit.MINUTES);
        Machine mb = fb.get(2, TimeUnit.MINUTES);
        assertNotEquals(ma.nativeId(), mb.nativeId());
        assertEquals(0, ssh(a.sshPort(), "echo a > /root/mine").exit);
        assertEquals("missing", ssh(b.sshPort(), "cat /root/mine 2>/dev/null || echo missing").out.strip());
        assertLimitsInside(a.sshPort(), 1, 128);
        assertLimitsInside(b.sshPort(), 2, 192);
        assertTrue(backend.list().containsAll(List.of(ma, mb)));

        // the memory limit holds: a process that wants 300 MiB in a 128 MiB machine is killed, the machine lives on
        Result hog = ssh(a.sshPort(), "v=$(head -c 300000000 /dev/zero | tr '\\0' x); echo survived ${#v}");
        assertFalse(hog.out.contains("survived"), hog.out);
        assertNotEquals(0, hog.exit);
        Result oom = ssh(a.sshPort(), "if [ -f /sys/fs/cgroup/cgroup.controllers ]; then grep '^oom_kill ' "
                + "/sys/fs/cgroup/memory.events; else grep '^oom_kill ' /sys/fs/cgroup/memory/memory.oom_control; fi");
        assertTrue(Long.parseLong(oom.out.strip().split(" ")[1]) >= 1, "the OOM killer struck: " + oom.out);
        assertEquals(Machine.State.RUNNING, backend.status(a.leaseId()).orElseThrow().state());
        assertEquals("still here", ssh(a.sshPort(), "echo still here").out.strip());
    }

    @Test
    void stopAndStartKeepDiskKeyAndHostKey() throws Exception {
        MachineSpec spec = spec("stop-start", 1, 128);
        backend.create(spec);
        String hostKey = "md5sum /etc/dropbear/dropbear_ed25519_host_key";
        assertEquals(0, ssh(spec.sshPort(), "echo kept > /root/marker").exit);
        String before = ssh(spec.sshPort(), hostKey).out;

        long t0 = System.nanoTime();
        Machine stopped = backend.stop(spec.leaseId());
        System.out.printf("stop %d ms%n", ms(t0));
        assertEquals(Machine.State.STOPPED, stopped.state());
        assertEquals(Optional.of(stopped), backend.status(spec.leaseId()));
        assertTrue(SshPorts.banner(spec.sshPort(), Duration.ofMillis(500)).isEmpty(), "SSH is down");
        assertEquals(Machine.State.STOPPED, backend.stop(spec.leaseId()).state(), "stopping twice is fine");

        t0 = System.nanoTime();
        Machine started = backend.start(spec.leaseId());
        System.out.printf("start to SSH %d ms%n", ms(t0));
        assertEquals(Machine.State.RUNNING, started.state());
        assertEquals(stopped.nativeId(), started.nativeId());
        assertEquals("kept", ssh(spec.sshPort(), "cat /root/marker").out.strip());
        assertEquals(before, ssh(spec.sshPort(), hostKey).out, "the host key survives a restart");
        assertEquals(Machine.State.RUNNING, backend.start(spec.leaseId()).state(), "starting twice is fine");
    }

    @Test
    void destroyRemovesTheContainerAndIsRepeatable() throws Exception {
        MachineSpec spec = spec("destroy", 1, 128);
        Machine m = backend.create(spec);
        backend.destroy(spec.leaseId());
        assertEquals(Optional.empty(), backend.status(spec.leaseId()));
        assertEquals(Optional.empty(), docker.inspect(m.nativeId()));
        assertTrue(SshPorts.free(spec.sshPort()), "the port is free again");
        assertFalse(backend.list().stream().anyMatch(x -> x.leaseId().equals(spec.leaseId())));
        backend.destroy(spec.leaseId());
        backend.destroy(RUN + "-never-existed");
        assertThrows(ComputeException.class, () -> backend.start(spec.leaseId()));
        assertThrows(ComputeException.class, () -> backend.stop(spec.leaseId()));
    }

    @Test
    void listSeesOnlyOurMachinesAndForeignContainersAreLeftAlone() throws Exception {
        MachineSpec spec = spec("listed", 1, 128);
        Machine ours = backend.create(spec);
        String lease = RUN + "-squatted";
        String foreign = docker.create(IMAGE, "foreign-" + RUN, Map.of("com.example.app", "web"), List.of(),
                HostConfig.newHostConfig().withNetworkMode("none"), 1).orElseThrow();
        String squatter = docker.create(IMAGE, Containers.name(lease), Map.of("com.example.app", "web"), List.of(),
                HostConfig.newHostConfig().withNetworkMode("none"), 1).orElseThrow();
        try {
            List<Machine> all = backend.list();
            assertTrue(all.contains(ours), all.toString());
            assertTrue(all.stream().noneMatch(m -> m.nativeId().equals(foreign) || m.nativeId().equals(squatter)));
            for (Machine m : all) {
                assertEquals("docker", m.backend());
                assertEquals(m.leaseId(), docker.inspect(m.nativeId()).orElseThrow().getConfig().getLabels()
                        .get("org.hamster.lease"));
            }
            assertEquals(Optional.empty(), backend.status(lease), "a container we did not label is not a machine");
            ComputeException e = assertThrows(ComputeException.class,
                    () -> backend.create(new MachineSpec(lease, 1, 128, 0, publicKey, freePort())));
            assertTrue(e.getMessage().contains("did not create"), e.getMessage());
            backend.destroy(lease);
            assertTrue(docker.inspect(squatter).isPresent(), "destroy leaves other containers alone");
        } finally {
            docker.remove(foreign);
            docker.remove(squatter);
        }
    }

    @Test
    void createIsIdempotentPerLease() throws Exception {
        MachineSpec spec = spec("twice", 1, 128);
        Machine first = backend.create(spec);
        long t0 = System.nanoTime();
        Machine second = backend.create(spec);
        System.out.printf("create of an existing machine %d ms%n", ms(t0));
        assertEquals(first, second);
        assertEquals(1, machinesOf(spec.leaseId()));
        assertEquals(0, ssh(spec.sshPort(), "true").exit);

        ComputeException e = assertThrows(ComputeException.class, () -> backend.create(
                new MachineSpec(spec.leaseId(), 1, 128, 0, publicKey, freePort())));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
        assertEquals(Machine.State.RUNNING, backend.status(spec.leaseId()).orElseThrow().state());

        backend.stop(spec.leaseId());
        assertEquals(Machine.State.STOPPED, backend.create(spec).state(), "a stopped machine is returned as it is");
        assertEquals(1, machinesOf(spec.leaseId()));

        MachineSpec samePort = new MachineSpec(RUN + "-same-port", 1, 128, 0, publicKey, spec.sshPort());
        e = assertThrows(ComputeException.class, () -> backend.create(samePort), "the stopped machine keeps its port");
        assertTrue(e.getMessage().contains("belongs to the machine of lease " + spec.leaseId()), e.getMessage());
        assertEquals(Optional.empty(), docker.inspect(Containers.name(samePort.leaseId())));
    }

    @Test
    void aMachineRemovedBehindTheBackendsBackIsCreatedAgainOnItsPort() throws Exception {
        MachineSpec spec = spec("vanished", 1, 128);
        Machine first = backend.create(spec);
        docker.remove(first.nativeId()); // e.g. `docker rm -f` by an operator: our relay still holds the port
        assertEquals(Optional.empty(), backend.status(spec.leaseId()));
        Machine again = backend.create(spec);
        assertNotEquals(first.nativeId(), again.nativeId());
        assertEquals("ok", ssh(spec.sshPort(), "echo ok").out.strip());
    }

    @Test
    void aContainerLeftHalfCreatedByACrashIsCreatedAgain() throws Exception {
        MachineSpec spec = spec("half", 1, 128);
        // what a provider that died between the create and start calls leaves: labelled, never started, no key
        String half = docker.create(IMAGE, Containers.name(spec.leaseId()), Containers.labels(spec, Instant.now()),
                Containers.env(spec), Containers.hostConfig(spec, 0, false), 1).orElseThrow();
        assertEquals(Machine.State.FAILED, backend.status(spec.leaseId()).orElseThrow().state());
        Machine m = backend.create(spec);
        assertNotEquals(half, m.nativeId());
        assertEquals(Optional.empty(), docker.inspect(half));
        assertEquals(Machine.State.RUNNING, m.state());
        assertEquals("ok", ssh(spec.sshPort(), "echo ok").out.strip());
    }

    @Test
    void badKeysAndSpecsAreRefusedBeforeAnythingIsCreated() throws Exception {
        String blob = publicKey.line().split(" ")[1];
        for (String bad : new String[] {"ssh-ed25519 " + blob + " x\nssh-ed25519 " + blob,
            "command=\"sh\" ssh-ed25519 " + blob, "ssh-ed25519 AAAA; rm -rf /", "ssh-ed25519 $(reboot)"}) {
            assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new MachineSpec("../" + RUN, 1, 128, 0, publicKey, 2222));
        assertThrows(IllegalArgumentException.class, () -> new MachineSpec(RUN, 1, 128, 0, publicKey, 22));

        int cpus = docker.info().getNCPU();
        long memMiB = docker.info().getMemTotal() >> 20;
        assertRefused(new MachineSpec(RUN + "-cpus", Math.min(64, cpus + 1), 128, 0, publicKey, freePort()),
                backend, "CPUs");
        assertRefused(new MachineSpec(RUN + "-mem", 1, memMiB + 1024, 0, publicKey, freePort()), backend, "MiB");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(SshPorts.loopback(), freePort()));
            assertRefused(new MachineSpec(RUN + "-port", 1, 128, 0, publicKey, taken.getLocalPort()), backend,
                    "in use");
        }
        DockerBackend noImage = backend(Map.of("image", "hamster/no-such-image:0"));
        try {
            assertRefused(spec("image", 1, 128), noImage, "not found");
        } finally {
            noImage.deactivate();
        }
    }

    @Test
    void aMachineWhoseSshNeverAnswersIsRemoved() throws Exception {
        try (DockerClient client = rawClient()) {
            String exits = image(client, "exits", "/bin/sh", "-c", "echo broken >&2; exit 3");
            String silent = image(client, "silent", "/bin/sleep", "600");
            DockerBackend b = backend(Map.of("image", exits, "sshTimeoutSeconds", 5));
            try {
                MachineSpec spec = spec("exits", 1, 128);
                ComputeException e = assertThrows(ComputeException.class, () -> b.create(spec));
                assertTrue(e.getMessage().contains("before its SSH server answered"), e.getMessage());
                assertTrue(e.getMessage().contains("broken"), "the container's log is quoted: " + e.getMessage());
                assertEquals(Optional.empty(), docker.inspect(Containers.name(spec.leaseId())));
            } finally {
                b.deactivate();
            }
            DockerBackend c = backend(Map.of("image", silent, "sshTimeoutSeconds", 2));
            try {
                MachineSpec spec = spec("silent", 1, 128);
                ComputeException e = assertThrows(ComputeException.class, () -> c.create(spec));
                assertTrue(e.getMessage().contains("no SSH server answered on 127.0.0.1:" + spec.sshPort()
                        + " within 2 s"), e.getMessage());
                assertEquals(Optional.empty(), docker.inspect(Containers.name(spec.leaseId())));
            } finally {
                c.deactivate();
                client.removeImageCmd(exits).withForce(true).exec();
                client.removeImageCmd(silent).withForce(true).exec();
            }
        }
    }

    private static void assertRefused(MachineSpec spec, DockerBackend b, String reason) throws Exception {
        ComputeException e = assertThrows(ComputeException.class, () -> b.create(spec));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(Optional.empty(), docker.inspect(Containers.name(spec.leaseId())), "nothing created");
    }

    /** The cgroup limits as the machine itself sees them (cgroup v1 or v2). */
    private static void assertLimitsInside(int port, int cpus, long memoryMiB) throws Exception {
        Result r = ssh(port, "if [ -f /sys/fs/cgroup/cgroup.controllers ]; then echo v2; cat /sys/fs/cgroup/memory.max;"
                + " cat /sys/fs/cgroup/cpu.max; cat /sys/fs/cgroup/memory.swap.max; else echo v1;"
                + " cat /sys/fs/cgroup/memory/memory.limit_in_bytes; cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us"
                + " /sys/fs/cgroup/cpu/cpu.cfs_period_us;"
                + " cat /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes 2>/dev/null || echo no-swap-accounting; fi");
        List<String> lines = r.out.lines().map(String::strip).toList();
        long memory = memoryMiB << 20;
        if (lines.get(0).equals("v2")) {
            assertEquals(Long.toString(memory), lines.get(1), r.out);
            String[] cpu = lines.get(2).split(" ");
            assertEquals(cpus * Long.parseLong(cpu[1]), Long.parseLong(cpu[0]), r.out);
            assertEquals("0", lines.get(3), "no swap: " + r.out);
        } else {
            assertEquals("v1", lines.get(0), r.out);
            assertEquals(Long.toString(memory), lines.get(1), r.out);
            assertEquals(cpus * Long.parseLong(lines.get(3)), Long.parseLong(lines.get(2)), r.out);
            if (!lines.get(4).equals("no-swap-accounting")) {
                assertEquals(Long.toString(memory), lines.get(4), "memory+swap = memory: " + r.out);
            }
        }
    }

    /**
     * The CPU quota holds: two busy loops for 2 s use at most {@code cpus} CPUs (they would use both of a 2-core
     * host without it). Only an upper bound, so a busy host cannot make it fail.
     */
    private static void assertCpuQuotaHolds(int port, int cpus) throws Exception {
        Result r = ssh(port, "usage() { if [ -f /sys/fs/cgroup/cgroup.controllers ]; then"
                + " echo $(( $(sed -n 's/^usage_usec //p' /sys/fs/cgroup/cpu.stat) * 1000 ));"
                + " else cat /sys/fs/cgroup/cpuacct/cpuacct.usage; fi; };"
                + " u0=$(usage); t0=$(cut -d' ' -f1 /proc/uptime);"
                + " for i in 1 2; do timeout 2 sh -c 'while :; do :; done' & done; wait;"
                + " echo $u0 $(usage) $t0 $(cut -d' ' -f1 /proc/uptime)");
        String[] f = r.out.strip().split(" ");
        double cpuSeconds = (Long.parseLong(f[1]) - Long.parseLong(f[0])) / 1e9;
        double wallSeconds = Double.parseDouble(f[3]) - Double.parseDouble(f[2]);
        System.out.printf("busy loops used %.2f CPU-s in %.2f s (limit %d CPU)%n", cpuSeconds, wallSeconds, cpus);
        assertTrue(cpuSeconds > 0.1, "the loops ran: " + r.out);
        assertTrue(cpuSeconds <= cpus * wallSeconds * 1.25 + 0.1, cpuSeconds + " CPU-s in " + wallSeconds + " s");
    }

    /**
     * Every listening TCP socket on {@code port} of the host (the backend's relay; the SSH server itself is inside
     * the container's own network namespace) is bound to 127.0.0.1 (/proc/net/tcp{,6}).
     */
    private static void assertListensOnLoopbackOnly(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        int listening = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                String[] f = line.strip().split("\\s+");
                if (f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    // 127.0.0.1, in tcp6 as the IPv4-mapped ::ffff:127.0.0.1 of a Java socket bound to it
                    String loopback = table.endsWith("6") ? "0000000000000000FFFF00000100007F" : "0100007F";
                    assertEquals(loopback + hexPort, f[1], table + ": " + line);
                    listening++;
                }
            }
        }
        assertEquals(1, listening, "one listening socket on " + port);
    }

    private static long machinesOf(String lease) throws ComputeException {
        return docker.containerIds(Containers.LEASE_LABEL).stream().map(id -> {
            try {
                return docker.inspect(id).map(c -> c.getConfig().getLabels().get(Containers.LEASE_LABEL));
            } catch (ComputeException e) {
                throw new IllegalStateException(e);
            }
        }).filter(l -> l.equals(Optional.of(lease))).count();
    }

    /** An image like the base image whose command is {@code cmd}: it never serves SSH. */
    private static String image(DockerClient client, String tag, String... cmd) {
        String id = client.createContainerCmd(IMAGE).withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        try {
            client.commitCmd(id).withRepository("hamster-it/" + tag).withTag(RUN).withCmd(cmd).exec();
        } finally {
            client.removeContainerCmd(id).withForce(true).exec();
        }
        return "hamster-it/" + tag + ":" + RUN;
    }

    private static DockerClient rawClient() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(HOST)
                .build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(URI.create(HOST))
                .build());
    }

    private static DockerBackend backend(Map<String, Object> overrides) throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("dockerHost", HOST, "sshTimeoutSeconds", 30));
        config.putAll(overrides);
        DockerBackend b = new DockerBackend();
        b.activate(TestConfigs.docker(config));
        return b;
    }

    private static Machine create(MachineSpec spec) {
        try {
            return backend.create(spec);
        } catch (ComputeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MachineSpec spec(String name, int cpus, long memoryMiB) {
        return new MachineSpec(RUN + "-" + name, cpus, memoryMiB, 0, publicKey, freePort());
    }

    /** A free 127.0.0.1 port below the ephemeral range, so that no outgoing connection takes it meanwhile. */
    private static int freePort() {
        for (int i = 0; i < 100; i++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            if (SshPorts.free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in 20000-29999");
    }

    private static Result ssh(int port, String command) throws Exception {
        return run(Duration.ofSeconds(60), "ssh", "-o", "StrictHostKeyChecking=no", "-o",
                "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-o",
                "ConnectTimeout=10", "-i", privateKey.toString(), "-p", Integer.toString(port), "root@127.0.0.1",
                command);
    }

    private record Result(int exit, String out) {
    }

    private static Result run(Duration timeout, String... command) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
