package org.hamster.client;

/** An order as a tenant sees it (the original client's Processing / Completed / Cancelled). */
public enum OrderState {
    /** Paid into escrow, waiting for the provider to start (or extend) the lease; it can be canceled. */
    PROCESSING,
    /** The provider executed it: the lease started, or a renewal extended it. */
    COMPLETED,
    /** Canceled by the tenant or timed out waiting for the provider; the amount was refunded. */
    CANCELLED
}
