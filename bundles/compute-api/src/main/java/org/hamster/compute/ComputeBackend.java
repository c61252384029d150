package org.hamster.compute;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates and runs machines for leases. Every method may block (it talks to a daemon) and must be called off I/O
 * threads. Machines are identified by their lease id; operations on a machine that does not exist are no-ops
 * ({@link #destroy}) or say so ({@link #status} empty), so that a provider can repeat them after a crash.
 */
@ConsumerType
public interface ComputeBackend {
    /** The OSGi service property naming the backend: "docker", "kvm". */
    String NAME_PROPERTY = "hamster.backend";

    /** "docker", "kvm", ... (the value of {@link #NAME_PROPERTY}). */
    String name();

    /**
     * Creates the machine of {@code spec.leaseId()} and starts it with the tenant's key installed; returns once its
     * SSH port accepts connections or fails with the reason. A machine that already exists for the lease is
     * returned as it is (creation is idempotent).
     */
    Machine create(MachineSpec spec) throws ComputeException;

    /** Starts a stopped machine. */
    Machine start(String leaseId) throws ComputeException;

    /** Stops a machine, keeping its disk. */
    Machine stop(String leaseId) throws ComputeException;

    /** Stops and deletes the machine and everything created for it; nothing happens if there is none. */
    void destroy(String leaseId) throws ComputeException;

    /** The machine of a lease, if this backend has one. */
    Optional<Machine> status(String leaseId) throws ComputeException;

    /** Every machine this backend created (and no other container or domain of the host). */
    List<Machine> list() throws ComputeException;
}
