package org.hamster.devnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleSettingsTest {
    @Test
    void unsetAndBlankKeysGetTheDevelopmentValue() {
        Dictionary<String, Object> cfg = new Hashtable<>(Map.of("account", " ", "listenAddress", "/ip4/127.0.0.1/tcp/9"));
        Dictionary<String, Object> next = RoleSettings.fill(cfg, Map.of("account", "provider", "passwordFile", "/p"));
        assertEquals("provider", next.get("account"));
        assertEquals("/p", next.get("passwordFile"));
        assertEquals("/ip4/127.0.0.1/tcp/9", next.get("listenAddress"), "other keys are kept");
    }

    @Test
    void whatTheOperatorSetIsNeverChanged() {
        Dictionary<String, Object> cfg = new Hashtable<>(Map.of("account", "mine", "cpus", "0"));
        assertNull(RoleSettings.fill(cfg, Map.of("account", "provider", "cpus", "1")), "nothing to change");
    }

    @Test
    void aMissingConfigurationIsCreated() {
        assertEquals("tenant", RoleSettings.fill(null, Map.of("account", "tenant")).get("account"));
    }
}
