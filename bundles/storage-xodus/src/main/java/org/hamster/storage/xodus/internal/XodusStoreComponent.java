package org.hamster.storage.xodus.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.storage.KvEntry;
import org.hamster.storage.KvStore;
import org.hamster.storage.WriteBatch;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the node's {@link KvStore}: a {@link XodusKvStore} in the configured directory, open
 * for as long as the component is active. A configuration change re-creates the component (and so
 * re-opens the database); consumers see the service go and come back.
 */
@Component(service = KvStore.class, configurationPid = XodusStoreComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = "storage.backend=xodus")
@Designate(ocd = XodusConfig.class)
public final class XodusStoreComponent implements KvStore {
    static final String PID = "org.hamster.storage.xodus";
    private static final Logger LOG = LoggerFactory.getLogger(XodusStoreComponent.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private volatile XodusKvStore store;

    @Activate
    void activate(XodusConfig config) throws HamsterException {
        Path dir = resolvePath(config.path(), System::getProperty);
        XodusKvStore.Settings settings;
        try {
            settings = new XodusKvStore.Settings(config.durableWrite(), config.cachePercent());
            Files.createDirectories(dir);
        } catch (IllegalArgumentException | IOException e) {
            throw new HamsterException(ErrorCode.CONFIG, e, PID + ": " + e.getMessage());
        }
        store = XodusKvStore.open(dir, settings);
        if (!settings.durableWrite()) {
            LOG.warn("Xodus storage at {} runs without durable writes: a crash may lose committed blocks", dir);
        }
        LOG.info("Chain storage opened at {}", dir);
    }

    @Deactivate
    void deactivate() {
        store.close();
        LOG.info("Chain storage closed at {}", store.directory());
    }

    /**
     * Replaces each {@code ${name}} in {@code path} with the property {@code name}; {@code karaf.data}
     * falls back to {@code ./data}, any other unknown property is a configuration error.
     */
    static Path resolvePath(String path, UnaryOperator<String> properties) throws HamsterException {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = properties.apply(name);
            if (value == null && name.equals("karaf.data")) {
                value = "./data";
            }
            if (value == null) {
                throw new HamsterException(ErrorCode.CONFIG, PID + ": path " + path + " uses unknown property " + name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.toString().isBlank()) {
            throw new HamsterException(ErrorCode.CONFIG, PID + ": empty path");
        }
        return Path.of(out.toString()).toAbsolutePath().normalize();
    }

    @Override
    public byte[] get(String column, byte[] key) {
        return store.get(column, key);
    }

    @Override
    public List<KvEntry> scan(String column, byte[] prefix, byte[] startAfter, int limit) {
        return store.scan(column, prefix, startAfter, limit);
    }

    @Override
    public void forEach(String column, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        store.forEach(column, prefix, visitor);
    }

    @Override
    public void commit(WriteBatch batch) {
        store.commit(batch);
    }

    /** Ignored: the database belongs to this component and closes when it deactivates. */
    @Override
    public void close() {
        LOG.debug("ignoring close() of the KvStore service; it closes with its component");
    }
}
