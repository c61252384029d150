package org.hamster.client;

import java.util.List;

/**
 * What the chain owes the tenant.
 *
 * @param claimable refunds to collect with {@link Client#claimRefunds()} (unserved rent and slashed pledge of
 *     punished leases, refunds that could not be paid directly)
 * @param punishedAgreements the tenant's leases whose provider was punished, still on chain
 */
public record Refunds(Amount claimable, List<Long> punishedAgreements) {
    public Refunds {
        punishedAgreements = List.copyOf(punishedAgreements);
    }
}
