package org.hamster.provider.internal;

import org.hamster.compute.SshPublicKey;

/** One step the reconciler decided on; {@link LeaseKeeper} carries them out in order. */
sealed interface Plan {
    /**
     * The machine name of an order's lease, {@code <scope>-order-<id>}: the order id never changes (the agreement id
     * comes later), and the provider's scope keeps apart the machines of providers sharing one Docker or libvirt host.
     */
    static String leaseId(String scope, long order) {
        return scope + "-order-" + order;
    }

    /** A provider's scope: the end of its libp2p peer id (its identity, unique per installation). */
    static String scope(String peerId) {
        return peerId.substring(Math.max(0, peerId.length() - 8));
    }

    /** Whether a machine named {@code leaseId} is one of this scope's. */
    static boolean ours(String scope, String leaseId) {
        return leaseId != null && leaseId.startsWith(scope + "-order-");
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
