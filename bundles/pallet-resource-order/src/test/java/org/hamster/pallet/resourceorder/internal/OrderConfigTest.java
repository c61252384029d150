package org.hamster.pallet.resourceorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class OrderConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OrderConfig parse(String json) throws Exception {
        return OrderConfig.parse(JSON.readTree(json));
    }

    private static void refused(String json, String message) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> parse(json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void absentConstantsTakeTheDevDefaults() throws Exception {
        assertEquals(OrderConfig.DEFAULT, OrderConfig.parse(MissingNode.getInstance()));
        assertEquals(OrderConfig.DEFAULT, parse("{}"));
        assertEquals(new OrderConfig(6_000, 100, 1_800_000, 900_000, 600_000, 86_400_000, 2_048),
                OrderConfig.DEFAULT);
    }

    @Test
    void givenConstantsAreRead() throws Exception {
        assertEquals(new OrderConfig(1_000, 5, 60_000, 30_000, 0, 0, 100), parse("{\"slotMs\": 1000,"
                + " \"maxScheduledPerBlock\": 5, \"orderTimeout\": \"60000\", \"heartbeatTolerance\": 30000,"
                + " \"graceAllowance\": 0, \"historyRetention\": 0, \"maxSshKeyLength\": 100}"));
    }

    @Test
    void badConstantsAreRefusedClearly() {
        refused("{\"orderWaitingTime\": 5}", "no constant 'orderWaitingTime'");
        refused("{\"slotMs\": 0}", "ResourceOrder.slotMs must be within 1..");
        refused("{\"orderTimeout\": 0}", "orderTimeout");
        refused("{\"heartbeatTolerance\": 0}", "heartbeatTolerance");
        refused("{\"graceAllowance\": -1}", "0..2^63-1");
        refused("{\"historyRetention\": 999999999999999}", "historyRetention");
        refused("{\"maxScheduledPerBlock\": 0}", "maxScheduledPerBlock");
        refused("{\"maxSshKeyLength\": 10}", "maxSshKeyLength");
        refused("{\"slotMs\": 1.5}", "non-negative integer");
        refused("\"x\"", "JSON object");
    }

    @Test
    void thePalletTakesItsConstantsFromTheChainSpec() {
        MarketFixture f = new MarketFixture(7);
        assertEquals(7, f.pallet.config().maxScheduledPerBlock());
        assertEquals(30_000, f.pallet.config().orderTimeout());
        assertThrows(IllegalArgumentException.class, () -> new MarketFixture("{\"slotMs\": 0}",
                org.hamster.chain.testkit.TestAccounts.ALICE));
    }
}
