package org.hamster.compute;

import java.time.Instant;

/**
 * A machine a backend runs for a lease.
 *
 * @param leaseId the lease it belongs to (see {@link MachineSpec#leaseId()})
 * @param backend the backend's name
 * @param nativeId the container id or domain UUID
 * @param state what it is doing
 * @param sshPort the port on 127.0.0.1 where its SSH server answers
 * @param created when it was created
 */
public record Machine(String leaseId, String backend, String nativeId, State state, int sshPort, Instant created) {
    /** The host address SSH is reachable on: loopback only, never a public interface. */
    public static final String SSH_HOST = "127.0.0.1";

    public enum State {
        RUNNING,
        STOPPED,
        /** Exists but is neither running nor cleanly stopped (crashed, half created). */
        FAILED
    }
}
