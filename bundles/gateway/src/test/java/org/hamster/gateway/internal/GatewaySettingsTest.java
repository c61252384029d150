package org.hamster.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's settable keys and their checks (no framework: no stored configuration). */
class GatewaySettingsTest {
    private static String refused(Map<String, ?> changes) {
        return assertThrows(IllegalArgumentException.class,
                () -> GatewaySettingsResource.SETTINGS.changes(null, changes)).getMessage();
    }

    @Test
    void publicAddressIsEmptyOrAHostAndTcpPortWithoutPeerId() {
        assertNull(GatewaySettingsResource.publicAddress(""));
        assertNull(GatewaySettingsResource.publicAddress("/ip4/203.0.113.7/tcp/4001"));
        assertNull(GatewaySettingsResource.publicAddress("/dns/gw.example.org/tcp/4001"));
        assertNull(GatewaySettingsResource.publicAddress("/ip6/::1/tcp/4001"));
        for (String bad : new String[] {"203.0.113.7:4001", "/ip4/203.0.113.7", "/ip4/203.0.113.7/udp/4001",
                "/ip4/203.0.113.7/tcp/4001/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp",
                "/ip4/999.0.0.1/tcp/4001"}) {
            assertTrue(GatewaySettingsResource.publicAddress(bad).contains("is not an address such as"), bad);
        }
    }

    @Test
    void timingsAndRelayLimitsAreCheckedAndStoredAsText() {
        assertEquals(Map.of("publicAddress", "/dns/gw.example.org/tcp/4001", "heartbeatIntervalSeconds", "60",
                "maxCircuits", "128", "circuitDataBytes", "1073741824"),
                GatewaySettingsResource.SETTINGS.changes(null, Map.of("publicAddress", " /dns/gw.example.org/tcp/4001",
                        "heartbeatIntervalSeconds", 60, "maxCircuits", "128", "circuitDataBytes", 1073741824L,
                        "retrySeconds", 15)));
        assertEquals("heartbeatIntervalSeconds must be at least 10, not 9",
                refused(Map.of("heartbeatIntervalSeconds", 9)));
        assertEquals("maxReservationsPerIp must be at least 1, not 0", refused(Map.of("maxReservationsPerIp", 0)));
        assertEquals("bandwidthHistorySeconds must be a whole number, not 'long'",
                refused(Map.of("bandwidthHistorySeconds", "long")));
        assertTrue(refused(Map.of("publicAddress", "localhost:4001")).startsWith("publicAddress: 'localhost:4001'"));
        assertTrue(refused(Map.of("listenAddress", "/ip4/0.0.0.0/tcp/4001")).startsWith("listenAddress cannot be "
                + "changed here"));
    }

    @Test
    void theAccountThatRegistersTheGatewayIsSettable() {
        assertEquals(Map.of("account", "gw", "passwordFile", "/opt/karaf/etc/gateway.password"),
                GatewaySettingsResource.SETTINGS.changes(null, Map.of("account", " gw", "passwordFile",
                        "/opt/karaf/etc/gateway.password")));
        assertTrue(refused(Map.of("account", "my gateway")).startsWith("account: 'my gateway' is not a keystore "
                + "account name"));
        assertTrue(refused(Map.of("passwordFile", "gw.pw")).startsWith("passwordFile: 'gw.pw' is not an absolute "
                + "path"));
    }
}
