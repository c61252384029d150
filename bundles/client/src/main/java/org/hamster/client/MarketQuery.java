package org.hamster.client;

import java.math.BigInteger;

/**
 * Which offers to list, and in which order. A null filter does not filter.
 *
 * @param minCpu at least this many vCPUs
 * @param minMemoryGiB at least this much memory, in GiB
 * @param maxPricePerHour at most this price per hour, in the token's smallest unit
 * @param minHours at least this many hours still rentable
 * @param sort the order; ties are broken by resource id
 * @param descending the direction; null for the natural one of {@code sort} ({@link Sort#naturallyDescending})
 * @param all also list machines that cannot be ordered now (locked, in use, offline)
 */
public record MarketQuery(Long minCpu, Long minMemoryGiB, BigInteger maxPricePerHour, Long minHours, Sort sort,
        Boolean descending, boolean all) {
    public MarketQuery {
        sort = sort == null ? Sort.PRICE : sort;
    }

    /** Every offer that can be ordered now, cheapest first. */
    public static MarketQuery available() {
        return new MarketQuery(null, null, null, null, Sort.PRICE, null, false);
    }

    /** What offers can be sorted by. */
    public enum Sort {
        PRICE, CPU, MEMORY, HOURS, REPUTATION;

        /** Price sorts cheapest first; the others largest (best) first. */
        public boolean naturallyDescending() {
            return this != PRICE;
        }
    }
}
