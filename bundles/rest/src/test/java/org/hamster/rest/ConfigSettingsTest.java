package org.hamster.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.junit.jupiter.api.Test;

/** Settings of a PID without a framework: a configuration admin of one configuration, held in a map. */
class ConfigSettingsTest {
    @interface Example {
        String account() default "";

        String mode() default "a";

        boolean flag() default true;

        int interval() default 300;

        long bytes() default 10;

        int low() default 1000;

        int high() default 2000;

        String name() default "x";
    }

    private static final ConfigSettings SETTINGS = ConfigSettings.of("org.example", Example.class)
            .oneOf("mode", "a", "b").key("flag").atLeast(10, "interval").atLeast(1, "bytes")
            .range(1024, 65535, "low", "high").notAbove("low", "high")
            .text("name", v -> v.startsWith("x") ? null : "must start with x").readOnly("account")
            .note("restarts").build();

    /** The stored properties (null until the first update) behind a ConfigurationAdmin. */
    private Hashtable<String, Object> stored;
    private int updates;

    private ConfigurationAdmin admin() {
        Configuration c = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> stored == null ? null : new Hashtable<>(stored);
                    case "update" -> {
                        stored = new Hashtable<>(Map.of());
                        Dictionary<?, ?> d = (Dictionary<?, ?>) args[0];
                        for (var keys = d.keys(); keys.hasMoreElements();) {
                            Object k = keys.nextElement();
                            stored.put((String) k, d.get(k));
                        }
                        updates++;
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConfiguration" -> c;
                    case "listConfigurations" -> stored == null ? null : new Configuration[] {c};
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String bad(Map<String, ?> changes) {
        return assertThrows(IllegalArgumentException.class, () -> SETTINGS.changes(null, changes)).getMessage();
    }

    @Test
    void readingShowsTheDefaultsTypedAndTheReadOnlyKeys() throws Exception {
        ConfigSettings.View v = SETTINGS.read(admin());
        assertEquals("org.example", v.pid());
        assertEquals(Map.of("mode", "a", "flag", true, "interval", 300, "bytes", 10L, "low", 1000, "high", 2000,
                "name", "x"), v.settings());
        assertEquals(Map.of("account", ""), v.readOnly());
        assertEquals("restarts", v.note());
    }

    @Test
    void storedTextIsShownInTheKeysTypeOrAsStoredWhenItDoesNotConvert() {
        Hashtable<String, Object> p = new Hashtable<>(Map.of("interval", "60", "flag", "FALSE", "bytes", "lots",
                "account", "gw"));
        ConfigSettings.View v = SETTINGS.view(p);
        assertEquals(60, v.settings().get("interval"));
        assertEquals(false, v.settings().get("flag"));
        assertEquals("lots", v.settings().get("bytes"));
        assertEquals("gw", v.readOnly().get("account"));
    }

    @Test
    void anUpdateStoresTheChangedValuesAsTextMergedWithTheRest() throws Exception {
        stored = new Hashtable<>(Map.of("account", "gw", "interval", "300", "other", "kept"));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("interval", 60);
        changes.put("flag", "false");
        changes.put("bytes", 68_719_476_736L);
        changes.put("mode", " b ");
        changes.put("low", 2000.0); // JSON numbers may come as doubles
        ConfigSettings.View v = SETTINGS.update(admin(), changes);
        assertEquals(Map.of("account", "gw", "interval", "60", "flag", "false", "bytes", "68719476736", "mode", "b",
                "low", "2000", "other", "kept"), stored);
        assertEquals(60, v.settings().get("interval"));
        assertEquals(false, v.settings().get("flag"));
        assertEquals(1, updates);
    }

    @Test
    void valuesEqualToTheCurrentOnesAreNotStored() throws Exception {
        stored = new Hashtable<>(Map.of("interval", "60"));
        SETTINGS.update(admin(), Map.of("interval", "60", "flag", true, "mode", "a"));
        assertEquals(0, updates);
        assertEquals(Map.of("interval", "60"), stored);
    }

    @Test
    void oneBadValueStoresNothing() {
        stored = new Hashtable<>(Map.of("interval", "60"));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("mode", "b");
        changes.put("interval", 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SETTINGS.update(admin(), changes));
        assertEquals("interval must be at least 10, not 5", e.getMessage());
        assertEquals(0, updates);
        assertEquals(Map.of("interval", "60"), stored);
    }

    @Test
    void everyCheckNamesTheSetting() {
        assertEquals("low must be from 1024 to 65535, not 99999", bad(Map.of("low", 99999)));
        assertEquals("interval must be a whole number, not '1.5'", bad(Map.of("interval", 1.5)));
        assertEquals("interval must be a whole number, not 'soon'", bad(Map.of("interval", "soon")));
        assertEquals("interval must be at most 2147483647", bad(Map.of("interval", 3_000_000_000L)));
        assertEquals("flag must be true or false, not 'yes'", bad(Map.of("flag", "yes")));
        assertEquals("mode must be one of a, b, not 'c'", bad(Map.of("mode", "c")));
        assertEquals("name: must start with x", bad(Map.of("name", "y")));
        assertTrue(bad(Map.of("name", "x\ny")).startsWith("name must be one line"));
        assertEquals("bytes needs a whole number value", bad(Map.of("bytes", Map.of())));
        assertEquals("account cannot be changed here: edit etc/org.example.cfg", bad(Map.of("account", "me")));
        assertTrue(bad(Map.of("nope", 1)).startsWith("unknown setting 'nope'; settable: mode, flag, interval"));
        assertTrue(bad(Map.of()).startsWith("no settings given"));
        assertTrue(bad(null).startsWith("no settings given"));
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("mode", null);
        assertEquals("mode needs a text value", bad(nulls));
    }

    @Test
    void orderedPairsAreCheckedWhenEitherChanges() {
        assertEquals("low (3000) must not be above high (2000)", bad(Map.of("low", 3000)));
        Hashtable<String, Object> low = new Hashtable<>(Map.of("low", "1500"));
        assertEquals("low (1500) must not be above high (1100)", assertThrows(IllegalArgumentException.class,
                () -> SETTINGS.changes(low, Map.of("high", 1100))).getMessage());
        assertEquals(Map.of("low", "3000", "high", "4000"), SETTINGS.changes(null, Map.of("low", 3000, "high", 4000)));
        // a bad stored pair does not block other changes
        Hashtable<String, Object> p = new Hashtable<>(Map.of("low", "5000", "high", "4000"));
        assertEquals(Map.of("interval", "20"), SETTINGS.changes(p, Map.of("interval", 20)));
        assertNull(SETTINGS.view(p).settings().get("missing"));
    }
}
