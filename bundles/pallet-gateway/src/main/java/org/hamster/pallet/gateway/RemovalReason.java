package org.hamster.pallet.gateway;

/** Why the chain removed a gateway (SCALE: one byte, the variant index). */
public enum RemovalReason {
    /** No heartbeat for longer than the tolerance. */
    Silent,
    /** Root removed it with {@code force_remove}. */
    Forced
}
