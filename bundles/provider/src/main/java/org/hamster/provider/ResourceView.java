package org.hamster.provider;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One resource the provider's account lists on chain.
 *
 * @param pricePerHour in planck
 * @param rentableUntil the end of the listing (chain time): no lease may reach past it
 * @param status UNUSED (rentable), LOCKED (an order is pending), INUSE (leased) or OFFLINE (off the market)
 */
public record ResourceView(long id, String peerId, long cpu, long memoryGiB, long diskGiB, String system,
        String cpuModel, BigInteger pricePerHour, Instant rentableUntil, String status) {
}
