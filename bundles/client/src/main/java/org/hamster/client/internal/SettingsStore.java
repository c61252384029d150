package org.hamster.client.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;
import org.hamster.client.ClientSettings;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the tenant's settings live: this role's configuration ({@value ClientComponent#PID}) and, for the node URL,
 * the chain client's ({@value #CHAIN_PID}), both through configuration admin (Karaf writes them back to etc/).
 */
final class SettingsStore {
    static final String CHAIN_PID = "org.hamster.chain.client";
    static final String DEFAULT_CHAIN_URL = "ws://127.0.0.1:9944";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private final Supplier<ConfigurationAdmin> admin;

    SettingsStore(Supplier<ConfigurationAdmin> admin) {
        this.admin = admin;
    }

    /** The chain client's configured URL, or the default. */
    String configuredChainUrl() {
        ConfigurationAdmin a = admin.get();
        try {
            Configuration[] found = a == null ? null : a.listConfigurations("(service.pid=" + CHAIN_PID + ")");
            Object url = found == null || found.length == 0 || found[0].getProperties() == null ? null
                    : found[0].getProperties().get("url");
            return url == null ? DEFAULT_CHAIN_URL : url.toString();
        } catch (IOException | InvalidSyntaxException e) {
            return DEFAULT_CHAIN_URL;
        }
    }

    /**
     * Checks every setting {@code changes} gives (nulls stay as in {@code current}), then stores them; nothing is
     * stored when one is bad. Returns the settings as they now are.
     */
    ClientSettings update(ClientSettings changes, ClientSettings current, Predicate<String> accountExists)
            throws ClientException {
        if (changes == null) {
            throw Settings.invalid("no settings given");
        }
        String url = changes.chainUrl() == null ? null : Settings.chainUrl(changes.chainUrl());
        if (changes.account() != null && !changes.account().isBlank()
                && !accountExists.test(changes.account().strip())) {
            throw Settings.invalid("account: no '" + changes.account().strip() + "' in the keystore (import it "
                    + "with hamster:key-import first)");
        }
        if (changes.sshPublicKey() != null && !changes.sshPublicKey().isBlank()) {
            Settings.sshKey(changes.sshPublicKey());
        }
        if (changes.sshPrivateKeyPath() != null && changes.sshPrivateKeyPath().lines().count() > 1) {
            throw Settings.invalid("sshPrivateKeyPath must be one line");
        }
        List<String> gateways = changes.preferredGateways() == null ? null
                : Settings.gateways(changes.preferredGateways());
        ConfigurationAdmin a = admin.get();
        if (a == null) {
            throw new ClientException(Reason.CONFLICT, "configuration admin is not available: settings cannot be "
                    + "stored");
        }
        Map<String, String> mine = new HashMap<>();
        put(mine, "account", changes.account());
        put(mine, "sshPublicKey", changes.sshPublicKey());
        put(mine, "sshPrivateKeyPath", changes.sshPrivateKeyPath());
        if (gateways != null) {
            mine.put("preferredGateways", String.join(",", gateways));
        }
        try {
            store(a, ClientComponent.PID, mine);
            if (url != null && !url.equals(current.chainUrl())) {
                store(a, CHAIN_PID, Map.of("url", url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the settings: " + e.getMessage(), e);
        }
        return new ClientSettings(url != null ? url : current.chainUrl(), or(changes.account(), current.account()),
                or(changes.sshPublicKey(), current.sshPublicKey()), or(changes.sshPrivateKeyPath(),
                        current.sshPrivateKeyPath()), gateways != null ? gateways : current.preferredGateways());
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value.strip());
        }
    }

    private static String or(String changed, String current) {
        return changed != null ? changed.strip() : current;
    }

    private static void store(ConfigurationAdmin admin, String pid, Map<String, String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        Configuration c = admin.getConfiguration(pid, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        values.forEach(props::put);
        c.update(props);
        LOG.info("client: settings {} stored in {}", values.keySet(), pid);
    }
}
