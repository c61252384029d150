package org.hamster.pallet.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Set;
import org.hamster.chain.support.SpecValues;

/**
 * The Provider pallet's chain-spec constants (see the package documentation of org.hamster.pallet.provider for
 * each one); absent ones take the dev defaults, unknown names and bad values are refused.
 */
record ProviderConfig(long hourMs, long slotMs, int maxScheduledPerBlock, long maxCpu, long maxMemoryGiB,
        long maxDiskGiB, int maxTextLength, int maxPeerIdLength, BigInteger minPricePerHour, long maxRentableHours,
        int maxResourcesPerProvider) {
    static final ProviderConfig DEFAULT = new ProviderConfig(3_600_000, 6_000, 100, 64, 256, 16_384, 128, 128,
            BigInteger.ONE, 8_760, 32);
    private static final Set<String> KEYS = Set.of("hourMs", "slotMs", "maxScheduledPerBlock", "maxCpu",
            "maxMemoryGiB", "maxDiskGiB", "maxTextLength", "maxPeerIdLength", "minPricePerHour", "maxRentableHours",
            "maxResourcesPerProvider");
    private static final long U32_MAX = 0xffff_ffffL;

    static ProviderConfig parse(JsonNode c) {
        if (SpecValues.absent(c)) {
            return DEFAULT;
        }
        if (!c.isObject()) {
            throw new IllegalArgumentException("Provider constants must be a JSON object, got " + c);
        }
        for (Iterator<String> it = c.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("Provider has no constant '" + k + "' (known: " + KEYS + ")");
            }
        }
        ProviderConfig d = DEFAULT;
        long hourMs = range(c, "hourMs", d.hourMs, 1, Long.MAX_VALUE);
        long slotMs = range(c, "slotMs", d.slotMs, 1, Long.MAX_VALUE);
        int perBlock = (int) range(c, "maxScheduledPerBlock", d.maxScheduledPerBlock, 1, 100_000);
        long maxCpu = range(c, "maxCpu", d.maxCpu, 1, Long.MAX_VALUE);
        long maxMemory = range(c, "maxMemoryGiB", d.maxMemoryGiB, 1, Long.MAX_VALUE);
        long maxDisk = range(c, "maxDiskGiB", d.maxDiskGiB, 1, Long.MAX_VALUE);
        int maxText = (int) range(c, "maxTextLength", d.maxTextLength, 1, 65_536);
        int maxPeerId = (int) range(c, "maxPeerIdLength", d.maxPeerIdLength, 46, 1_024);
        BigInteger minPrice = SpecValues.absent(c.get("minPricePerHour")) ? d.minPricePerHour
                : SpecValues.u128(c.get("minPricePerHour"), "Provider.minPricePerHour");
        if (minPrice.signum() == 0) {
            throw new IllegalArgumentException("Provider.minPricePerHour must be greater than zero");
        }
        long maxHours = range(c, "maxRentableHours", d.maxRentableHours, 1, U32_MAX);
        int maxResources = (int) range(c, "maxResourcesPerProvider", d.maxResourcesPerProvider, 1, 10_000);
        try {
            Math.multiplyExact(maxHours, hourMs);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Provider.maxRentableHours x hourMs overflows 64 bits");
        }
        return new ProviderConfig(hourMs, slotMs, perBlock, maxCpu, maxMemory, maxDisk, maxText, maxPeerId,
                minPrice, maxHours, maxResources);
    }

    private static long range(JsonNode c, String key, long fallback, long min, long max) {
        JsonNode v = c.get(key);
        if (SpecValues.absent(v)) {
            return fallback;
        }
        long n = SpecValues.u64(v, "Provider." + key);
        if (n < min || n > max) {
            throw new IllegalArgumentException("Provider." + key + " must be within " + min + ".." + max
                    + ", got " + n);
        }
        return n;
    }
}
