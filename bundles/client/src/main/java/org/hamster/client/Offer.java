package org.hamster.client;

import java.time.Instant;

/**
 * A machine on the market.
 *
 * @param id the resource id to buy
 * @param provider the provider's SS58 address
 * @param peerId the provider's libp2p peer id
 * @param cpu vCPUs
 * @param memoryGiB memory in GiB
 * @param diskGiB disk in GiB
 * @param system operating system
 * @param cpuModel CPU model
 * @param gpu GPU model, null if none
 * @param region region, null if not given
 * @param pricePerHour what an hour costs
 * @param rentableHours whole hours that can still be ordered (until the listing ends)
 * @param availableUntil when the listing ends (chain time)
 * @param status UNUSED (can be ordered), LOCKED (an order waits), INUSE or OFFLINE
 * @param reputation the provider's track record
 */
public record Offer(long id, String provider, String peerId, long cpu, long memoryGiB, long diskGiB, String system,
        String cpuModel, String gpu, String region, Amount pricePerHour, long rentableHours, Instant availableUntil,
        String status, Reputation reputation) {
}
