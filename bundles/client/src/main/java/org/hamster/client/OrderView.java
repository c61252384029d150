package org.hamster.client;

import java.time.Instant;

/**
 * One of the tenant's orders.
 *
 * @param id the order id
 * @param resource the machine ordered
 * @param hours hours bought
 * @param amount price per hour x hours, paid into escrow
 * @param createdAt when it was placed (chain time)
 * @param state where it stands
 * @param renewal whether it renews a running lease
 * @param agreement the agreement it started or renews, null while there is none
 */
public record OrderView(long id, long resource, long hours, Amount amount, Instant createdAt, OrderState state,
        boolean renewal, Long agreement) {
}
