package org.hamster.client;

/**
 * What buying hours of a resource costs now.
 *
 * @param resource the resource
 * @param hours the hours
 * @param pricePerHour its price per hour
 * @param rent price x hours, paid into escrow
 * @param fee the transaction fee of the order (payment_queryInfo of the order extrinsic)
 * @param total rent plus fee: what leaves the account
 */
public record Quote(long resource, long hours, Amount pricePerHour, Amount rent, Amount fee, Amount total) {
}
