package org.hamster.backend.docker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hamster.common.HamsterException;
import org.hamster.compute.ComputeException;
import org.hamster.compute.MachineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component without a daemon: configuration checks, and what a missing daemon looks like to a caller. */
class DockerBackendTest {
    @TempDir
    Path dir;

    @Test
    void badConfigurationIsRefusedAtActivation() {
        for (Map<String, Object> bad : new Map[] {Map.of("dockerHost", "/var/run/docker.sock"),
            Map.of("dockerHost", "npipe:////./pipe/docker_engine"), Map.of("dockerHost", "tcp://127.0.0.1:2375"),
            Map.of("image", " "),
            Map.of("sshTimeoutSeconds", 0), Map.of("apiTimeoutSeconds", -1), Map.of("stopTimeoutSeconds", 0),
            Map.of("pidsLimit", -5L)}) {
            HamsterException e = assertThrows(HamsterException.class,
                    () -> new DockerBackend().activate(TestConfigs.docker(bad)), bad.toString());
            assertTrue(e.getMessage().contains("org.hamster.backend.docker: " + bad.keySet().iterator().next()),
                    e.getMessage());
        }
    }

    @Test
    void aMissingDaemonIsAClearErrorNotACrash() throws Exception {
        Path socket = dir.resolve("docker.sock"); // nothing listens here
        DockerBackend backend = new DockerBackend();
        backend.activate(TestConfigs.docker(Map.of("dockerHost", "unix://" + socket, "apiTimeoutSeconds", 2)));
        try {
            assertEquals("docker", backend.name());
            MachineSpec spec = new MachineSpec("lease-1", 1, 128, 0, TestConfigs.key(1, "k"), 22001);
            ComputeException e = assertThrows(ComputeException.class, () -> backend.create(spec));
            assertTrue(e.getMessage().contains("cannot talk to the daemon at unix://" + socket), e.getMessage());
            assertThrows(ComputeException.class, backend::list);
            assertThrows(ComputeException.class, () -> backend.status("lease-1"));
            assertThrows(ComputeException.class, () -> backend.destroy("lease-1"));
            assertTrue(Files.notExists(socket));
        } finally {
            backend.deactivate();
        }
    }

    @Test
    void leaseIdsNoSpecCouldHaveAreNeverLookedUp() throws Exception {
        DockerBackend backend = new DockerBackend();
        backend.activate(TestConfigs.docker(Map.of("dockerHost", "unix://" + dir.resolve("none.sock"))));
        try {
            // answered without asking the (absent) daemon: no container can belong to these
            assertTrue(backend.status("../etc").isEmpty());
            assertTrue(backend.status("").isEmpty());
            backend.destroy("a b");
            assertThrows(ComputeException.class, () -> backend.stop("x/y"));
        } finally {
            backend.deactivate();
        }
    }
}
