package org.hamster.pallet.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GatewayConfig parse(String json) throws Exception {
        return GatewayConfig.parse(JSON.readTree(json));
    }

    private static void refused(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void absentConstantsAreTheDevDefaults() throws Exception {
        GatewayConfig dev = GatewayConfig.parse(MissingNode.getInstance());
        assertEquals(GatewayConfig.DEV, dev);
        assertEquals(dev, parse("{}"));
        assertEquals(new BigInteger("100000000000000"), dev.gatewayBond(), "100 HAM");
        assertEquals(1000, dev.maxGateways());
        assertEquals(300_000, dev.heartbeatIntervalMs());
        assertEquals(900_000, dev.heartbeatToleranceMs());
        assertEquals(60_000, dev.slotMs());
        assertFalse(dev.publicAddressesOnly());
        assertEquals(dev, parse("{\"gatewayBond\": \"100000000000000\", \"maxGateways\": 1000, "
                + "\"maxGatewaysPerAccount\": 8, \"heartbeatIntervalMs\": 300000, \"heartbeatToleranceMs\": 900000, "
                + "\"slotMs\": 60000, \"maxRemovalsPerBlock\": 20, \"maxChecksPerBlock\": 200, "
                + "\"silencePenaltyPercent\": 10, \"maxMultiaddrLength\": 256, \"publicAddressesOnly\": false}"),
                "the documented dev snippet");
    }

    @Test
    void dependentDefaultsFollowTheGivenValues() throws Exception {
        GatewayConfig c = parse("{\"heartbeatIntervalMs\": 600000, \"maxGateways\": 4, \"maxRemovalsPerBlock\": 500}");
        assertEquals(1_200_000, c.heartbeatToleranceMs(), "twice the interval");
        assertEquals(4, c.maxGatewaysPerAccount());
        assertEquals(500, c.maxChecksPerBlock());
        assertEquals(5_000, parse("{\"heartbeatIntervalMs\": 5000}").slotMs());
    }

    @Test
    void badValuesAreRefusedByName() {
        refused("[]", "must be a JSON object");
        refused("{\"heartbeatTolerance\": 1}", "no constant 'heartbeatTolerance'");
        refused("{\"gatewayBond\": \"-1\"}", "Gateway.gatewayBond");
        refused("{\"gatewayBond\": 1.5}", "Gateway.gatewayBond");
        refused("{\"maxGateways\": 0}", "Gateway.maxGateways must be within 1..10000");
        refused("{\"maxGateways\": 10, \"maxGatewaysPerAccount\": 11}", "at most maxGateways");
        refused("{\"heartbeatIntervalMs\": 999}", "Gateway.heartbeatIntervalMs");
        refused("{\"heartbeatIntervalMs\": 60000, \"heartbeatToleranceMs\": 60000}",
                "at least twice heartbeatIntervalMs");
        refused("{\"heartbeatIntervalMs\": 60000, \"slotMs\": 60001}", "at most heartbeatIntervalMs");
        refused("{\"maxRemovalsPerBlock\": 0}", "Gateway.maxRemovalsPerBlock");
        refused("{\"maxRemovalsPerBlock\": 10, \"maxChecksPerBlock\": 9}", "at least maxRemovalsPerBlock");
        refused("{\"silencePenaltyPercent\": 101}", "Gateway.silencePenaltyPercent");
        refused("{\"maxMultiaddrLength\": 10}", "Gateway.maxMultiaddrLength");
        refused("{\"publicAddressesOnly\": \"yes\"}", "true or false");
        refused("{\"slotMs\": \"soon\"}", "Gateway.slotMs");
    }

    @Test
    void theHarnessRefusesABadSpecAtConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> GatewayFixture.harness("{\"slotMs\": 0}", 6000));
    }
}
