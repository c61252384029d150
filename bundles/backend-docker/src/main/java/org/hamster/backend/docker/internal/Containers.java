package org.hamster.backend.docker.internal;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.hamster.compute.Machine;
import org.hamster.compute.MachineSpec;

/**
 * How a lease maps onto a container and back: its name, labels, environment and host configuration, and the
 * {@link Machine} a container stands for. Pure functions, no daemon involved.
 */
final class Containers {
    static final String BACKEND = "docker";
    static final String LEASE_LABEL = "org.hamster.lease";
    static final String SSH_PORT_LABEL = "org.hamster.ssh-port";
    static final String CREATED_LABEL = "org.hamster.created";
    /** Tells the image's SSH server which 127.0.0.1 port to listen on. */
    static final String SSH_PORT_ENV = "HAMSTER_SSH_PORT";
    private static final String NAME_PREFIX = "hamster-";
    private static final long MIB = 1024L * 1024;

    private Containers() {
    }

    /** The container of a lease: {@code hamster-<leaseId>}. */
    static String name(String leaseId) {
        return NAME_PREFIX + leaseId;
    }

    static Map<String, String> labels(MachineSpec spec, Instant created) {
        return Map.of(LEASE_LABEL, spec.leaseId(), SSH_PORT_LABEL, Integer.toString(spec.sshPort()), CREATED_LABEL,
                created.toString());
    }

    /** The create call's environment: the SSH port only, as one {@code NAME=value} entry (no shell involved). */
    static List<String> env(MachineSpec spec) {
        return List.of(SSH_PORT_ENV + "=" + SshRelay.INNER_PORT); // inside the container; the host port is the relay's
    }

    /**
     * The limits and isolation of a lease's container. No network at all: its SSH server listens on the container's
     * own loopback and is reached through {@link SshRelay}, so a tenant cannot reach any service of the host; a CPU
     * quota of {@code cpus} whole CPUs; memory without extra swap; no raw sockets and no privileged ports; restarted
     * with the daemon unless stopped.
     */
    static HostConfig hostConfig(MachineSpec spec, long pidsLimit, boolean diskLimit) {
        long memory = spec.memoryMiB() * MIB;
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withNanoCPUs(spec.cpus() * 1_000_000_000L)
                .withMemory(memory)
                .withMemorySwap(memory)
                .withCapDrop(Capability.NET_RAW, Capability.NET_BIND_SERVICE)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
        if (pidsLimit > 0) {
            host.withPidsLimit(pidsLimit);
        }
        if (diskLimit && spec.diskGiB() > 0) {
            host.withStorageOpt(Map.of("size", spec.diskGiB() + "G"));
        }
        return host;
    }

    /** Whether a container carries the lease label, i.e. this backend created it. */
    static boolean ours(Map<String, String> labels) {
        return lease(labels) != null;
    }

    /** The lease a container belongs to (its lease label), or null. */
    static String lease(Map<String, String> labels) {
        return labels == null ? null : labels.get(LEASE_LABEL);
    }

    /** The SSH port a container was created with, if its label holds one. */
    static OptionalInt sshPort(Map<String, String> labels) {
        String value = labels == null ? null : labels.get(SSH_PORT_LABEL);
        try {
            int port = value == null ? -1 : Integer.parseInt(value.trim());
            return port > 0 && port < 65536 ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** When a container was created: its label, else {@code fallback} (the daemon's own record). */
    static Instant created(Map<String, String> labels, Instant fallback) {
        String value = labels == null ? null : labels.get(CREATED_LABEL);
        try {
            return value == null ? fallback : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /**
     * The state of a container from the daemon's status word ("running", "exited", ...), exit code and OOM flag.
     * An exit from SIGTERM or, after the stop timeout, SIGKILL counts as stopped (that is what {@code docker stop}
     * does); any other exit, the OOM killer, and a container that was never started or is paused, restarting or
     * dead count as failed.
     */
    static Machine.State state(String status, long exitCode, boolean oomKilled) {
        if ("running".equals(status)) {
            return Machine.State.RUNNING;
        }
        if ("exited".equals(status) && !oomKilled && (exitCode == 0 || exitCode == 143 || exitCode == 137)) {
            return Machine.State.STOPPED;
        }
        return Machine.State.FAILED;
    }

    /** The machine a container of ours stands for ({@link #ours} holds). */
    static Machine machine(String id, Map<String, String> labels, Machine.State state, Instant daemonCreated) {
        return new Machine(labels.get(LEASE_LABEL), BACKEND, id, state, sshPort(labels).orElse(0),
                created(labels, daemonCreated));
    }

    /** The daemon's creation time (RFC 3339 with nanoseconds), or the epoch if it cannot be read. */
    static Instant daemonTime(String rfc3339) {
        try {
            return rfc3339 == null ? Instant.EPOCH : Instant.parse(rfc3339);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
