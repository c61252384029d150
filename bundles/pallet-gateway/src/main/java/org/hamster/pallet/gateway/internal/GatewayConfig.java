package org.hamster.pallet.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Set;
import org.hamster.chain.support.SpecValues;

/**
 * The Gateway pallet's chain-spec constants. Every key is optional (its dev default applies); unknown keys and
 * out-of-range values are refused with IllegalArgumentException, so a typo never silently falls back to a default.
 *
 * @param gatewayBond reserved from the owner per gateway (u128, planck); dev 100 HAM
 * @param maxGateways gateways on the whole chain (the bootstrap list's bound); dev 1000, as the original
 * @param maxGatewaysPerAccount gateways one account may register; dev 8
 * @param heartbeatIntervalMs how often a gateway is expected to heartbeat (the gateway role's period); dev 5 min
 * @param heartbeatToleranceMs silence after which a gateway is removed; at least twice the interval so one late
 *        or lost heartbeat never costs a bond (the original's 10 min heartbeat against a 10 min tolerance did); dev 15 min
 * @param slotMs granularity of the liveness schedule: a silent gateway goes within one slot after its deadline
 *        (plus the time to the next block); dev 1 min
 * @param maxRemovalsPerBlock silent gateways removed per block at most; dev 20
 * @param maxChecksPerBlock schedule entries (removals, reschedules, stale entries) handled per block at most; dev 200
 * @param silencePenaltyPercent part of the bond a silent gateway loses to the treasury; dev 10
 * @param maxMultiaddrLength bytes of a registered multiaddr at most; dev 256
 * @param publicAddressesOnly refuse loopback/private hosts (true for public chains); dev false (gateways on 127.0.0.1)
 */
record GatewayConfig(BigInteger gatewayBond, int maxGateways, int maxGatewaysPerAccount, long heartbeatIntervalMs,
        long heartbeatToleranceMs, long slotMs, int maxRemovalsPerBlock, int maxChecksPerBlock,
        int silencePenaltyPercent, int maxMultiaddrLength, boolean publicAddressesOnly) {

    static final GatewayConfig DEV = new GatewayConfig(new BigInteger("100000000000000"), 1000, 8, 300_000, 900_000,
            60_000, 20, 200, 10, 256, false);

    private static final long DAY_MS = 86_400_000L;
    private static final Set<String> KEYS = Set.of("gatewayBond", "maxGateways", "maxGatewaysPerAccount",
            "heartbeatIntervalMs", "heartbeatToleranceMs", "slotMs", "maxRemovalsPerBlock", "maxChecksPerBlock",
            "silencePenaltyPercent", "maxMultiaddrLength", "publicAddressesOnly");

    static GatewayConfig parse(JsonNode c) {
        if (SpecValues.absent(c)) {
            return DEV;
        }
        if (!c.isObject()) {
            throw new IllegalArgumentException("Gateway constants must be a JSON object, got " + c);
        }
        for (Iterator<String> it = c.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("Gateway has no constant '" + k + "' (known: " + KEYS + ")");
            }
        }
        BigInteger bond = SpecValues.absent(c.path("gatewayBond")) ? DEV.gatewayBond
                : SpecValues.u128(c.path("gatewayBond"), "Gateway.gatewayBond");
        int maxGateways = (int) range(c, "maxGateways", DEV.maxGateways, 1, 10_000);
        int perAccount = (int) range(c, "maxGatewaysPerAccount", Math.min(DEV.maxGatewaysPerAccount, maxGateways), 1,
                maxGateways);
        long interval = range(c, "heartbeatIntervalMs", DEV.heartbeatIntervalMs, 1_000, DAY_MS);
        long tolerance = range(c, "heartbeatToleranceMs", Math.max(DEV.heartbeatToleranceMs, 2 * interval),
                2 * interval, 30 * DAY_MS);
        long slot = range(c, "slotMs", Math.min(DEV.slotMs, interval), 1_000, interval);
        int removals = (int) range(c, "maxRemovalsPerBlock", DEV.maxRemovalsPerBlock, 1, 1_000);
        int checks = (int) range(c, "maxChecksPerBlock", Math.max(DEV.maxChecksPerBlock, removals), removals, 100_000);
        int penalty = (int) range(c, "silencePenaltyPercent", DEV.silencePenaltyPercent, 0, 100);
        int length = (int) range(c, "maxMultiaddrLength", DEV.maxMultiaddrLength, 64, 1_024);
        JsonNode pub = c.path("publicAddressesOnly");
        if (!SpecValues.absent(pub) && !pub.isBoolean()) {
            throw new IllegalArgumentException("Gateway.publicAddressesOnly must be true or false, got " + pub);
        }
        boolean publicOnly = SpecValues.absent(pub) ? DEV.publicAddressesOnly : pub.booleanValue();
        return new GatewayConfig(bond, maxGateways, perAccount, interval, tolerance, slot, removals, checks, penalty,
                length, publicOnly);
    }

    /** An integer constant within min..max (bounds that depend on other constants are named in the message). */
    private static long range(JsonNode c, String key, long fallback, long min, long max) {
        JsonNode v = c.path(key);
        if (SpecValues.absent(v)) {
            return fallback;
        }
        long n = SpecValues.u64(v, "Gateway." + key);
        if (n < min || n > max) {
            throw new IllegalArgumentException("Gateway." + key + " must be within " + min + ".." + max + bound(key)
                    + ", got " + n);
        }
        return n;
    }

    private static String bound(String key) {
        return switch (key) {
            case "maxGatewaysPerAccount" -> " (at most maxGateways)";
            case "heartbeatToleranceMs" -> " (at least twice heartbeatIntervalMs)";
            case "slotMs" -> " (at most heartbeatIntervalMs)";
            case "maxChecksPerBlock" -> " (at least maxRemovalsPerBlock)";
            default -> "";
        };
    }
}
