package org.hamster.rest;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator-facing settings of one role's configuration (a PID), for its settings endpoint
 * ({@link SettingsResource}) and shell command: which keys may be changed, their types and defaults (read from the
 * role's metatype annotation) and the checks a new value must pass. {@link #update} checks every change first and
 * stores nothing if one is bad ({@link IllegalArgumentException} naming the setting); it stores the values that
 * differ, as text, through configuration admin, merged into the PID's other properties (Karaf writes them back to
 * {@code etc/<pid>.cfg}). A component without a modified method restarts with them.
 */
public final class ConfigSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigSettings.class);
    private static final int MAX_TEXT = 256;

    private final String pid;
    private final Map<String, Key> keys;
    private final Map<String, Object> readOnly;
    private final List<String[]> ordered;
    private final String note;

    /** A check of a text setting's (stripped) value: null when it is fine, else what is wrong with it. */
    @FunctionalInterface
    public interface Check {
        String problem(String value);
    }

    /**
     * The settings as an endpoint shows them.
     *
     * @param pid the configuration they are stored in
     * @param settings every settable key with its value (the default where the configuration has none)
     * @param readOnly keys shown but not settable here
     * @param note what saving does
     */
    public record View(String pid, Map<String, Object> settings, Map<String, Object> readOnly, String note) {
    }

    private record Key(String name, Class<?> type, Object defaultValue, long min, long max, List<String> choices,
            Check check) {
    }

    private ConfigSettings(Builder b) {
        this.pid = b.pid;
        this.keys = new LinkedHashMap<>(b.keys);
        this.readOnly = new LinkedHashMap<>(b.readOnly);
        this.ordered = List.copyOf(b.ordered);
        this.note = b.note;
    }

    /** Settings of {@code pid}, whose attributes (names, types, defaults) are the methods of {@code config}. */
    public static Builder of(String pid, Class<? extends Annotation> config) {
        return new Builder(pid, config);
    }

    public String pid() {
        return pid;
    }

    /** The settable keys, in order. */
    public List<String> keys() {
        return List.copyOf(keys.keySet());
    }

    /** The stored settings. */
    public View read(ConfigurationAdmin admin) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
            return view(found == null || found.length == 0 ? null : found[0].getProperties());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a role's {@code <role>-settings [--set key=value ...]} shell command does: with no pairs, prints the
     * settings; with pairs, stores them (all checked first) and prints where and what saving does, then the settings.
     *
     * @throws IllegalArgumentException for a pair that is not key=value or a bad value (nothing stored)
     */
    public void shell(ConfigurationAdmin admin, List<String> pairs, java.io.PrintStream out) throws IOException {
        View v;
        if (pairs == null || pairs.isEmpty()) {
            v = read(admin);
        } else {
            Map<String, Object> changes = new LinkedHashMap<>();
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--set takes key=value, not '" + pair + "'");
                }
                changes.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
            }
            v = update(admin, changes);
            out.println("Stored in etc/" + v.pid() + ".cfg. " + v.note());
        }
        v.settings().forEach((k, value) -> out.printf("%-26s %s%n", k, value));
        v.readOnly().forEach((k, value) -> out.printf("%-26s %s (read-only here)%n", k, value));
    }

    /**
     * Checks every value of {@code changes} (any subset of the settable keys) and stores those that differ; nothing
     * is stored when one is bad. Returns the settings as they now are.
     *
     * @throws IllegalArgumentException naming the first bad setting
     */
    public synchronized View update(ConfigurationAdmin admin, Map<String, ?> changes) throws IOException {
        Configuration c = admin.getConfiguration(pid, "?");
        Dictionary<String, Object> properties = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        Map<String, String> store = changes(properties, changes);
        if (!store.isEmpty()) {
            store.forEach(properties::put);
            c.update(properties);
            LOG.info("settings {} stored in {}", store.keySet(), pid);
        }
        return view(properties);
    }

    /** The view of {@code properties} (null: none stored). */
    public View view(Dictionary<String, ?> properties) {
        Map<String, Object> settings = new LinkedHashMap<>();
        keys.values().forEach(k -> settings.put(k.name(), current(k, properties)));
        Map<String, Object> shown = new LinkedHashMap<>();
        readOnly.forEach((name, def) -> shown.put(name, raw(properties, name) == null ? def : raw(properties, name)));
        return new View(pid, settings, shown, note);
    }

    /**
     * The checked values of {@code changes} that differ from {@code properties}, as text to store.
     *
     * @throws IllegalArgumentException naming the first bad setting
     */
    public Map<String, String> changes(Dictionary<String, ?> properties, Map<String, ?> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("no settings given; settable: " + String.join(", ", keys.keySet()));
        }
        Map<String, Object> merged = view(properties).settings();
        Map<String, String> store = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            Key k = keys.get(e.getKey());
            if (k == null) {
                throw new IllegalArgumentException(readOnly.containsKey(e.getKey())
                        ? e.getKey() + " cannot be changed here: edit etc/" + pid + ".cfg"
                        : "unknown setting '" + e.getKey() + "'; settable: " + String.join(", ", keys.keySet()));
            }
            Object value = checked(k, e.getValue());
            if (!Objects.equals(merged.get(k.name()), value)) {
                store.put(k.name(), value.toString());
            }
            merged.put(k.name(), value);
        }
        for (String[] pair : ordered) {
            if ((changes.containsKey(pair[0]) || changes.containsKey(pair[1]))
                    && merged.get(pair[0]) instanceof Number low && merged.get(pair[1]) instanceof Number high
                    && low.longValue() > high.longValue()) {
                throw new IllegalArgumentException(pair[0] + " (" + low + ") must not be above " + pair[1] + " ("
                        + high + ")");
            }
        }
        return store;
    }

    private static Object raw(Dictionary<String, ?> properties, String name) {
        return properties == null ? null : properties.get(name);
    }

    /** The stored value in the key's type; the default when none; as stored when it does not convert. */
    private static Object current(Key k, Dictionary<String, ?> properties) {
        Object raw = raw(properties, k.name());
        if (raw == null) {
            return k.defaultValue();
        }
        try {
            return converted(k, raw);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static Object checked(Key k, Object raw) {
        Object v = converted(k, raw);
        if (v instanceof Number n && (n.longValue() < k.min() || n.longValue() > k.max())) {
            throw new IllegalArgumentException(k.name() + " must be " + (k.max() == max(k.type())
                    ? "at least " + k.min() : "from " + k.min() + " to " + k.max()) + ", not " + n);
        }
        if (v instanceof String s) {
            if (!k.choices().isEmpty() && !k.choices().contains(s)) {
                throw new IllegalArgumentException(k.name() + " must be one of " + String.join(", ", k.choices())
                        + ", not '" + s + "'");
            }
            String problem = k.check() == null ? null : k.check().problem(s);
            if (problem != null) {
                throw new IllegalArgumentException(k.name() + ": " + problem);
            }
        }
        return v;
    }

    /** {@code raw} (JSON or stored) in the key's type: Integer, Long, Boolean or a stripped one-line String. */
    private static Object converted(Key k, Object raw) {
        if (raw == null || raw instanceof Map || raw instanceof List) {
            throw new IllegalArgumentException(k.name() + " needs a " + (k.type() == String.class ? "text"
                    : k.type() == boolean.class ? "true or false" : "whole number") + " value");
        }
        String text = raw.toString().strip();
        if (k.type() == boolean.class) {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.valueOf(text);
            }
            throw new IllegalArgumentException(k.name() + " must be true or false, not '" + raw + "'");
        }
        if (k.type() == String.class) {
            if (text.length() > MAX_TEXT || text.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                throw new IllegalArgumentException(k.name() + " must be one line of at most " + MAX_TEXT
                        + " characters");
            }
            return text;
        }
        long v;
        try {
            v = new BigDecimal(text).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(k.name() + " must be a whole number, not '" + raw + "'");
        }
        if (k.type() == int.class) {
            if (v != (int) v) {
                throw new IllegalArgumentException(k.name() + " must be at most " + Integer.MAX_VALUE);
            }
            return (int) v;
        }
        return v;
    }

    private static long max(Class<?> type) {
        return type == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }

    /** Declares the settable keys, each an attribute of the configuration annotation, and their checks. */
    public static final class Builder {
        /** A keystore account name, as org.hamster.crypto.Keystore takes it. */
        private static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile(
                "[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        private final String pid;
        private final Class<? extends Annotation> config;
        private final Map<String, Key> keys = new LinkedHashMap<>();
        private final Map<String, Object> readOnly = new LinkedHashMap<>();
        private final List<String[]> ordered = new ArrayList<>();
        private String note;

        private Builder(String pid, Class<? extends Annotation> config) {
            this.pid = pid;
            this.config = config;
        }

        /** Settings with no check beyond their type (text: one line). */
        public Builder key(String... names) {
            for (String name : names) {
                add(name, Long.MIN_VALUE, Long.MAX_VALUE, List.of(), null);
            }
            return this;
        }

        /** Whole numbers of at least {@code min}. */
        public Builder atLeast(long min, String... names) {
            return range(min, Long.MAX_VALUE, names);
        }

        /** Whole numbers from {@code min} to {@code max}. */
        public Builder range(long min, long max, String... names) {
            for (String name : names) {
                add(name, min, max, List.of(), null);
            }
            return this;
        }

        /** Text, one of {@code choices}. */
        public Builder oneOf(String name, String... choices) {
            return add(name, Long.MIN_VALUE, Long.MAX_VALUE, List.of(choices), null);
        }

        /** Text that {@code check} accepts. */
        public Builder text(String name, Check check) {
            return add(name, Long.MIN_VALUE, Long.MAX_VALUE, List.of(), check);
        }

        /**
         * The role's signing account: {@code account}, empty or a keystore account name (as hamster:key-import
         * makes them), and {@code passwordFile}, empty or an absolute path (the file may come later).
         */
        public Builder signingAccount(String account, String passwordFile) {
            return text(account, Builder::accountName).text(passwordFile, Builder::absolutePath);
        }

        private static String accountName(String text) {
            return text.isEmpty() || ACCOUNT.matcher(text).matches() ? null : "'" + text + "' is not a keystore "
                    + "account name (1-64 letters, digits, '.', '_' or '-', starting with a letter or digit)";
        }

        private static String absolutePath(String text) {
            try {
                return text.isEmpty() || java.nio.file.Path.of(text).isAbsolute() ? null : "'" + text
                        + "' is not an absolute path such as /opt/karaf/etc/role.password";
            } catch (java.nio.file.InvalidPathException e) {
                return "'" + text + "' is not a path: " + e.getReason();
            }
        }

        /** Two whole-number settings of which {@code low} must not be above {@code high}. */
        public Builder notAbove(String low, String high) {
            ordered.add(new String[] {attribute(low).getName(), attribute(high).getName()});
            return this;
        }

        /** Keys shown (the stored value, or the default) but not settable here. */
        public Builder readOnly(String... names) {
            for (String name : names) {
                readOnly.put(name, attribute(name).getDefaultValue());
            }
            return this;
        }

        /** What saving does, e.g. that the role restarts. */
        public Builder note(String text) {
            this.note = text;
            return this;
        }

        public ConfigSettings build() {
            return new ConfigSettings(this);
        }

        private Builder add(String name, long min, long max, List<String> choices, Check check) {
            Method m = attribute(name);
            Class<?> type = m.getReturnType();
            if (type != int.class && type != long.class && type != boolean.class && type != String.class) {
                throw new IllegalArgumentException(config.getName() + "." + name + " is not a setting of a simple "
                        + "type");
            }
            long upper = type == int.class || type == long.class ? Math.min(max, max(type)) : max;
            long lower = type == int.class ? Math.max(min, Integer.MIN_VALUE) : min;
            keys.put(name, new Key(name, type, m.getDefaultValue(), lower, upper, choices, check));
            return this;
        }

        private Method attribute(String name) {
            try {
                return config.getMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(config.getName() + " has no attribute " + name, e);
            }
        }
    }
}
