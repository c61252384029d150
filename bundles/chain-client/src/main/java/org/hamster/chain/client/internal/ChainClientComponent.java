package org.hamster.chain.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hamster.chain.Subscription;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.chain.client.RuntimeLayout;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one client of the configured node and registers it as a {@link ChainClient} service once the first
 * connection succeeds. It stays registered across reconnections (requests wait for the link to come back), so
 * consumers are not restarted by a node hiccup; it goes away when the configuration changes or the bundle stops.
 */
@Component(service = {}, immediate = true, configurationPid = ChainClientComponent.PID)
@Designate(ocd = ChainClientConfig.class)
public class ChainClientComponent {
    static final String PID = "org.hamster.chain.client";
    private static final Logger LOG = LoggerFactory.getLogger(ChainClientComponent.class);
    private final Object lock = new Object();
    private ChainClient client;
    private Subscription connectionWatch;
    private ServiceRegistration<ChainClient> registration;
    private boolean active;

    @Activate
    void activate(BundleContext context, ChainClientConfig config) throws HamsterException {
        URI url = endpoint(config.url());
        ChainClientOptions options = options(config);
        synchronized (lock) {
            active = true;
            client = ChainClient.open(url, options);
            connectionWatch = client.addConnectionListener(up -> {
                if (up) {
                    register(context, url);
                }
            });
        }
        LOG.debug("chain client of {} started", url);
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<ChainClient> r;
        ChainClient c;
        synchronized (lock) {
            active = false;
            r = registration;
            registration = null;
            c = client;
            client = null;
            if (connectionWatch != null) {
                connectionWatch.close();
            }
        }
        if (r != null) {
            r.unregister();
        }
        if (c != null) {
            c.close();
        }
    }

    private void register(BundleContext context, URI url) {
        synchronized (lock) {
            if (!active || registration != null) {
                return;
            }
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("hamster.node.url", url.toString());
            registration = context.registerService(ChainClient.class, client, props);
        }
        LOG.info("chain client service registered for {}", url);
    }

    static URI endpoint(String url) throws HamsterException {
        try {
            URI u = new URI(url.trim());
            if (!"ws".equalsIgnoreCase(u.getScheme()) && !"wss".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new HamsterException(ErrorCode.CONFIG, "url must be ws://host:port or wss://..., not " + url);
            }
            return u;
        } catch (URISyntaxException e) {
            throw new HamsterException(ErrorCode.CONFIG, e, "url is not a URL: " + url);
        }
    }

    static ChainClientOptions options(ChainClientConfig c) throws HamsterException {
        try {
            return new ChainClientOptions(Duration.ofMillis(c.requestTimeoutMs()), Duration.ofMillis(c.connectTimeoutMs()),
                    Duration.ofMillis(c.minReconnectDelayMs()), Duration.ofMillis(c.maxReconnectDelayMs()),
                    RuntimeLayout.of(pallets(c.pallets())));
        } catch (IllegalArgumentException e) {
            throw new HamsterException(ErrorCode.CONFIG, e.getMessage());
        }
    }

    /** "System:0, Balances:2" to an ordered map; IllegalArgumentException on malformed entries. */
    static Map<String, Integer> pallets(String spec) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("pallets entry '" + e + "' is not Name:index");
            }
            try {
                out.put(e.substring(0, colon).trim(), Integer.parseInt(e.substring(colon + 1).trim()));
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("pallets entry '" + e + "' has no numeric index");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("pallets must list at least one Name:index");
        }
        return out;
    }
}
