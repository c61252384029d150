package org.hamster.client;

/**
 * A provider's track record on chain (Provider.ProviderStats) and the score derived from it.
 *
 * @param rentals leases it started
 * @param rentedHours hours it was rented for, renewals included
 * @param faults leases punished because it missed its heartbeats
 * @param score {@code (rentals - faults + 1) / (rentals + 2)}, between 0 and 1: by Laplace's rule of succession the
 *     chance that its next lease is served without a fault. A provider without history scores 0.5; ten clean
 *     leases score 0.916, ten leases with five faults 0.5 (rounded down to three places).
 */
public record Reputation(long rentals, long rentedHours, long faults, double score) {
    /** The record with its score. */
    public static Reputation of(long rentals, long rentedHours, long faults) {
        double served = Math.max(0, (double) rentals - faults);
        double score = (served + 1) / ((double) Math.max(rentals, 0) + 2);
        return new Reputation(rentals, rentedHours, faults, Math.floor(score * 1000) / 1000);
    }
}
