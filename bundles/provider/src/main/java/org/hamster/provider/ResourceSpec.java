package org.hamster.provider;

import java.math.BigInteger;

/**
 * A resource to register under the provider's peer id.
 *
 * @param system operating system shown on the market; null for the provider's configured one
 * @param cpuModel CPU model shown on the market; null for the configured one (or this machine's)
 * @param pricePerHour in planck
 * @param rentableHours hours it can be rented for from now
 */
public record ResourceSpec(long cpu, long memoryGiB, long diskGiB, String system, String cpuModel,
        BigInteger pricePerHour, long rentableHours) {
}
