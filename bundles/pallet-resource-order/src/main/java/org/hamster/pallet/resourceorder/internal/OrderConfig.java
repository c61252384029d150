package org.hamster.pallet.resourceorder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.hamster.chain.support.SpecValues;

/**
 * The ResourceOrder pallet's chain-spec constants (documented in the package org.hamster.pallet.resourceorder);
 * absent ones take the dev defaults, unknown names and bad values are refused. Durations are ms of chain time.
 */
record OrderConfig(long slotMs, int maxScheduledPerBlock, long orderTimeout, long heartbeatTolerance,
        long graceAllowance, long historyRetention, int maxSshKeyLength) {
    static final OrderConfig DEFAULT = new OrderConfig(6_000, 100, 1_800_000, 900_000, 600_000, 86_400_000, 2_048);
    /** Ten years: bounds every duration so that time arithmetic cannot come near overflow. */
    static final long MAX_DURATION = 10L * 366 * 24 * 3_600_000;
    private static final Set<String> KEYS = Set.of("slotMs", "maxScheduledPerBlock", "orderTimeout",
            "heartbeatTolerance", "graceAllowance", "historyRetention", "maxSshKeyLength");

    static OrderConfig parse(JsonNode c) {
        if (SpecValues.absent(c)) {
            return DEFAULT;
        }
        if (!c.isObject()) {
            throw new IllegalArgumentException("ResourceOrder constants must be a JSON object, got " + c);
        }
        for (Iterator<String> it = c.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("ResourceOrder has no constant '" + k + "' (known: " + KEYS + ")");
            }
        }
        OrderConfig d = DEFAULT;
        return new OrderConfig(range(c, "slotMs", d.slotMs, 1, MAX_DURATION),
                (int) range(c, "maxScheduledPerBlock", d.maxScheduledPerBlock, 1, 100_000),
                range(c, "orderTimeout", d.orderTimeout, 1, MAX_DURATION),
                range(c, "heartbeatTolerance", d.heartbeatTolerance, 1, MAX_DURATION),
                range(c, "graceAllowance", d.graceAllowance, 0, MAX_DURATION),
                range(c, "historyRetention", d.historyRetention, 0, MAX_DURATION),
                (int) range(c, "maxSshKeyLength", d.maxSshKeyLength, 80, 65_536));
    }

    private static long range(JsonNode c, String key, long fallback, long min, long max) {
        JsonNode v = c.get(key);
        if (SpecValues.absent(v)) {
            return fallback;
        }
        long n = SpecValues.u64(v, "ResourceOrder." + key);
        if (n < min || n > max) {
            throw new IllegalArgumentException("ResourceOrder." + key + " must be within " + min + ".." + max
                    + ", got " + n);
        }
        return n;
    }
}
