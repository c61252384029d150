package org.hamster.provider.internal;

import org.hamster.compute.SshPublicKey;

/** One step the reconciler decided on; {@link LeaseKeeper} carries them out in order. */
sealed interface Plan {
    /** The machine name of an order's lease: the order id never changes, the agreement id comes later. */
    static String leaseId(long order) {
        return "order-" + order;
    }

    /** The order id of a lease id, or -1 if it is not one of ours. */
    static long orderOf(String leaseId) {
        if (leaseId == null || !leaseId.startsWith("order-")) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(leaseId.substring(6));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Create (or recreate) the machine of an order's lease with the tenant's key; {@code thenExec} for a pending
     * order, which is executed as soon as the machine runs (in the same cycle: no block may come to trigger another).
     */
    record Create(String leaseId, long order, long resource, SshPublicKey key, boolean thenExec) implements Plan {
    }

    /** Execute a new order whose machine runs: the agreement starts. */
    record Exec(String leaseId, long order) implements Plan {
    }

    /** Execute a renewal order of a running agreement: its end moves. */
    record ExecRenewal(long order, long agreement) implements Plan {
    }

    /** Start a stopped machine of a running agreement. */
    record Start(String leaseId) implements Plan {
    }

    record Heartbeat(long agreement) implements Plan {
    }

    /** Drop a lease record that has neither a machine nor a pending order or running agreement. */
    record Forget(String leaseId) implements Plan {
    }

    /** Remove a machine no running agreement or pending order needs. */
    record Destroy(String leaseId, String why) implements Plan {
    }
}
