package org.hamster.client;

import java.time.Instant;

/**
 * One of the tenant's leases.
 *
 * @param id the agreement id
 * @param order the order that started it
 * @param resource the machine
 * @param provider the provider's SS58 address
 * @param peerId the provider's libp2p peer id, null once its resource is gone
 * @param status USING (running), FINISHED (ran to its end) or PUNISHED (the provider faulted; see refunds)
 * @param start when it started (chain time)
 * @param end when it ends, renewals included
 * @param remainingSeconds seconds until its end, 0 once it ended
 * @param pricePerHour the price of its last renewal (or of the order)
 * @param paid everything paid for it
 * @param link its open link, null if none
 */
public record AgreementView(long id, long order, long resource, String provider, String peerId, String status,
        Instant start, Instant end, long remainingSeconds, Amount pricePerHour, Amount paid, LinkView link) {
}
