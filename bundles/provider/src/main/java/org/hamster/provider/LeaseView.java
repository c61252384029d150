package org.hamster.provider;

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
 */
public record LeaseView(String leaseId, long order, long agreement, long resource, String tenant, String backend,
        int sshPort, String machineState) {
}
