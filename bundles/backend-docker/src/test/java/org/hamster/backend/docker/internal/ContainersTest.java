package org.hamster.backend.docker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.hamster.compute.Machine;
import org.hamster.compute.MachineSpec;
import org.junit.jupiter.api.Test;

class ContainersTest {
    private static final MachineSpec SPEC = new MachineSpec("agreement-42", 2, 1536, 20, TestConfigs.key(7, "t@x"),
            22042);

    @Test
    void aLeaseIsANamedLabelledContainer() {
        Instant created = Instant.parse("2026-11-25T10:15:30.123Z");
        assertEquals("hamster-agreement-42", Containers.name("agreement-42"));
        assertEquals(Map.of("org.hamster.lease", "agreement-42", "org.hamster.ssh-port", "22042",
                "org.hamster.created", "2026-11-25T10:15:30.123Z"), Containers.labels(SPEC, created));
        // the SSH server listens inside the container; 22042 is the host side, the relay's
        assertEquals(List.of("HAMSTER_SSH_PORT=2222"), Containers.env(SPEC));
    }

    @Test
    void specLimitsBecomeTheHostConfig() {
        HostConfig h = Containers.hostConfig(SPEC, 4096, false);
        assertEquals("none", h.getNetworkMode(), "no network: the host's loopback is out of reach");
        assertEquals(2_000_000_000L, h.getNanoCPUs());
        assertEquals(1536L * 1024 * 1024, h.getMemory());
        assertEquals(h.getMemory(), h.getMemorySwap(), "no swap beyond the memory limit");
        assertEquals(4096L, h.getPidsLimit());
        assertEquals(List.of(Capability.NET_RAW, Capability.NET_BIND_SERVICE), List.of(h.getCapDrop()));
        assertEquals(List.of("no-new-privileges"), h.getSecurityOpts());
        assertEquals(RestartPolicy.unlessStoppedRestart(), h.getRestartPolicy());
        assertNull(h.getStorageOpt(), "disk size not applied unless configured");
        assertNull(h.getPortBindings(), "nothing published: SSH listens on the host's loopback itself");
        assertFalse(Boolean.TRUE.equals(h.getPrivileged()));

        HostConfig one = Containers.hostConfig(new MachineSpec("a", 1, 64, 0, SPEC.sshPublicKey(), 1024), 0, true);
        assertEquals(1_000_000_000L, one.getNanoCPUs());
        assertEquals(64L << 20, one.getMemory());
        assertNull(one.getPidsLimit(), "0 = no limit");
        assertNull(one.getStorageOpt(), "disk 0 = the image's own");
        assertEquals(Map.of("size", "20G"), Containers.hostConfig(SPEC, 0, true).getStorageOpt());
    }

    @Test
    void labelsAreReadBackForgivingly() {
        Map<String, String> labels = new HashMap<>(Containers.labels(SPEC, Instant.ofEpochSecond(1_800_000_000)));
        assertTrue(Containers.ours(labels));
        assertEquals("agreement-42", Containers.lease(labels));
        assertEquals(OptionalInt.of(22042), Containers.sshPort(labels));
        assertEquals(Instant.ofEpochSecond(1_800_000_000), Containers.created(labels, Instant.EPOCH));

        Instant daemon = Instant.parse("2026-01-01T00:00:00Z");
        for (String bad : new String[] {"", "x", "0", "70000", "-1"}) {
            labels.put(Containers.SSH_PORT_LABEL, bad);
            assertEquals(OptionalInt.empty(), Containers.sshPort(labels), bad);
        }
        labels.put(Containers.CREATED_LABEL, "yesterday");
        assertEquals(daemon, Containers.created(labels, daemon));
        Machine m = Containers.machine("abc", labels, Machine.State.RUNNING, daemon);
        assertEquals(new Machine("agreement-42", "docker", "abc", Machine.State.RUNNING, 0, daemon), m);

        assertFalse(Containers.ours(null));
        assertFalse(Containers.ours(Map.of("com.example.app", "web")));
        assertEquals(OptionalInt.empty(), Containers.sshPort(null));
        assertEquals(daemon, Containers.created(Map.of(), daemon));
    }

    @Test
    void daemonStatesMapToMachineStates() {
        assertEquals(Machine.State.RUNNING, Containers.state("running", 0, false));
        assertEquals(Machine.State.STOPPED, Containers.state("exited", 0, false));
        assertEquals(Machine.State.STOPPED, Containers.state("exited", 143, false), "SIGTERM");
        assertEquals(Machine.State.STOPPED, Containers.state("exited", 137, false), "SIGKILL after the stop timeout");
        assertEquals(Machine.State.FAILED, Containers.state("exited", 137, true), "OOM killer");
        assertEquals(Machine.State.FAILED, Containers.state("exited", 1, false));
        for (String s : new String[] {"created", "paused", "restarting", "removing", "dead", "", "unknown"}) {
            assertEquals(Machine.State.FAILED, Containers.state(s, 0, false), s);
        }
    }

    @Test
    void daemonTimesParse() {
        assertEquals(Instant.parse("2026-11-25T22:52:15.123456789Z"),
                Containers.daemonTime("2026-11-25T22:52:15.123456789Z"));
        assertEquals(Instant.EPOCH, Containers.daemonTime(null));
        assertEquals(Instant.EPOCH, Containers.daemonTime("0001-01-01 junk"));
    }
}
