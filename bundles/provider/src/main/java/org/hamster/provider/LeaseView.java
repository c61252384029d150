package org.hamster.provider;

import java.time.Instant;

/**
 * One lease as the provider holds it.
 *
 * @param leaseId the machine name ({@code order-<id>})
 * @param order the order that started it
 * @param agreement the agreement, -1 until the order is executed
 * @param tenant SS58 address of the tenant
 * @param backend where its machine runs
 * @param sshPort the machine's SSH port on 127.0.0.1
 * @param machineState RUNNING, STOPPED, FAILED, MISSING, or UNKNOWN while its backend is not installed
 * @param lastHeartbeat when the provider last proved the lease alive on chain (its execution counts), null before
 * @param heartbeatState PENDING before the order is executed, OK while heartbeats come in time (within the
 *     heartbeat interval and a minute), LATE otherwise (the chain's tolerance is longer: see the chain spec)
 */
public record LeaseView(String leaseId, long order, long agreement, long resource, String tenant, String backend,
        int sshPort, String machineState, Instant lastHeartbeat, String heartbeatState) {
    /** The heartbeat state of a lease executed ({@code agreement >= 0}) with its last heartbeat at {@code lastMs}. */
    public static String heartbeatState(long agreement, long lastMs, long intervalMs, long nowMs) {
        if (agreement < 0) {
            return "PENDING";
        }
        return lastMs > 0 && nowMs - lastMs <= intervalMs + 60_000 ? "OK" : "LATE";
    }
}
