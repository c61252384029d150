package org.hamster.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's settable keys and their checks (no framework: the configuration is a dictionary). */
class ProviderSettingsTest {
    private static final Hashtable<String, Object> DEVNET = new Hashtable<>(Map.of("account", "provider",
            "passwordFile", "/secret", "cpus", "1", "backend", "docker"));

    private static String refused(Map<String, ?> changes) {
        return assertThrows(IllegalArgumentException.class,
                () -> ProviderSettingsResource.SETTINGS.changes(DEVNET, changes)).getMessage();
    }

    @Test
    void theOperatorFacingKeysWithTheirDefaultsAndTheListenAddressReadOnly() {
        assertEquals(List.of("account", "passwordFile", "backend", "useGateways", "heartbeatIntervalSeconds", "reconcileSeconds", "sshPortFrom",
                "sshPortTo", "cpus", "memoryGiB", "diskGiB", "system", "cpuModel", "pricePerHour", "rentableHours"),
                ProviderSettingsResource.SETTINGS.keys());
        var view = ProviderSettingsResource.SETTINGS.view(DEVNET);
        assertEquals(300, view.settings().get("heartbeatIntervalSeconds"));
        assertEquals(1, view.settings().get("cpus"));
        assertEquals("1", view.settings().get("pricePerHour"));
        assertEquals("provider", view.settings().get("account"));
        assertEquals("/secret", view.settings().get("passwordFile"));
        assertEquals(Map.of("listenAddress", "/ip4/127.0.0.1/tcp/4002"), view.readOnly());
        assertEquals("", ProviderSettingsResource.SETTINGS.view(null).settings().get("account"));
        assertTrue(view.note().contains("restarts the provider"), view.note());
    }

    @Test
    void goodValuesAreStoredAsText() {
        assertEquals(Map.of("heartbeatIntervalSeconds", "60", "backend", "kvm", "sshPortFrom", "30000",
                "sshPortTo", "30010", "pricePerHour", "2.5", "useGateways", "false"),
                ProviderSettingsResource.SETTINGS.changes(DEVNET, Map.of("heartbeatIntervalSeconds", 60, "backend",
                        "kvm", "sshPortFrom", "30000", "sshPortTo", 30010, "pricePerHour", "2.5", "useGateways",
                        false, "cpus", 1)));
        // how a fresh provider is set up: its account and password file
        assertEquals(Map.of("account", "prov", "passwordFile", "/opt/karaf/etc/provider.password"),
                ProviderSettingsResource.SETTINGS.changes(DEVNET, Map.of("account", " prov ", "passwordFile",
                        "/opt/karaf/etc/provider.password")));
        assertEquals(Map.of("account", ""), ProviderSettingsResource.SETTINGS.changes(DEVNET, Map.of("account", "")));
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertEquals("sshPortFrom must be from 1024 to 65535, not 99999", refused(Map.of("sshPortFrom", 99999)));
        assertEquals("sshPortFrom (23000) must not be above sshPortTo (22999)", refused(Map.of("sshPortFrom", 23000)));
        assertEquals("heartbeatIntervalSeconds must be at least 10, not 5",
                refused(Map.of("heartbeatIntervalSeconds", 5)));
        assertEquals("reconcileSeconds must be at least 1, not 0", refused(Map.of("reconcileSeconds", 0)));
        assertEquals("backend must be one of docker, kvm, not 'lxc'", refused(Map.of("backend", "lxc")));
        assertEquals("system: must not be empty", refused(Map.of("system", " ")));
        assertEquals("pricePerHour: must be above 0", refused(Map.of("pricePerHour", "0")));
        assertTrue(refused(Map.of("pricePerHour", "cheap")).startsWith("pricePerHour: 'cheap' is not an amount"));
        assertTrue(refused(Map.of("pricePerHour", "0.0000000000001")).contains("more than 12 decimals"));
        assertEquals("memoryGiB must be at least 1, not 0", refused(Map.of("memoryGiB", 0)));
        assertEquals("account: 'my key' is not a keystore account name (1-64 letters, digits, '.', '_' or '-', "
                + "starting with a letter or digit)", refused(Map.of("account", "my key")));
        assertEquals("passwordFile: 'etc/provider.password' is not an absolute path such as "
                + "/opt/karaf/etc/role.password", refused(Map.of("passwordFile", "etc/provider.password")));
        assertEquals("listenAddress cannot be changed here: edit etc/org.hamster.provider.cfg",
                refused(Map.of("listenAddress", "/ip4/0.0.0.0/tcp/4002")));
        assertTrue(refused(Map.of("keystoreDir", "/x")).startsWith("unknown setting 'keystoreDir'"));
    }
}
