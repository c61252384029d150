package org.hamster.rest.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hamster.rest.RestApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which resource service is published at which path. Paths are claimed first come, first served: a resource whose
 * path is taken waits, and is published when the path becomes free. Thread-safe.
 */
final class Endpoints {
    /** Publishes one resource at one path with its access rule; closing the handle withdraws it. */
    interface Publisher {
        AutoCloseable publish(String path, Object resource, Access access) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");

    private record Entry(long serviceId, String path, Object resource, Access access) {
    }

    private record Live(long serviceId, AutoCloseable handle) {
    }

    private final Publisher publisher;
    /** Every valid resource service, in arrival order (which is also the waiting order). */
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Live> live = new HashMap<>();
    private boolean closed;

    Endpoints(Publisher publisher) {
        this.publisher = publisher;
    }

    /** The path in a {@value RestApi#PATH_PROPERTY} property value, or null if it is not a valid path. */
    static String validPath(Object property) {
        return property instanceof String path && PATH.matcher(path).matches() ? path : null;
    }

    synchronized void add(long serviceId, Object pathProperty, Object resource) {
        add(serviceId, pathProperty, resource, Access.TOKEN);
    }

    synchronized void add(long serviceId, Object pathProperty, Object resource, Access access) {
        String path = validPath(pathProperty);
        if (path == null) {
            LOG.error("Not publishing {} (service {}): {}={} is not a path like /name or /name/v1",
                    resource.getClass().getName(), serviceId, RestApi.PATH_PROPERTY, pathProperty);
            return;
        }
        if (closed) {
            return;
        }
        entries.put(serviceId, new Entry(serviceId, path, resource, access));
        Live holder = live.get(path);
        if (holder != null) {
            LOG.warn("Not publishing {} (service {}) yet: {} is taken by service {}",
                    resource.getClass().getName(), serviceId, path, holder.serviceId());
            return;
        }
        publish(entries.get(serviceId));
    }

    /** The service's properties changed: re-publish it only if its path or access changed. */
    synchronized void update(long serviceId, Object pathProperty, Object resource, Access access) {
        Entry old = entries.get(serviceId);
        if (old != null && Objects.equals(old.path(), validPath(pathProperty)) && old.access() == access) {
            return;
        }
        remove(serviceId);
        add(serviceId, pathProperty, resource, access);
    }

    synchronized void remove(long serviceId) {
        Entry gone = entries.remove(serviceId);
        if (gone == null) {
            return;
        }
        Live holder = live.get(gone.path());
        if (holder == null || holder.serviceId() != serviceId) {
            return;
        }
        live.remove(gone.path());
        withdraw(gone.path(), holder);
        entries.values().stream().filter(e -> e.path().equals(gone.path())).findFirst().ifPresent(this::publish);
    }

    /** Withdraws everything; later additions are ignored. */
    synchronized void close() {
        closed = true;
        live.forEach(this::withdraw);
        live.clear();
        entries.clear();
    }

    /** Path → service id of what is published now. */
    synchronized Map<String, Long> published() {
        Map<String, Long> result = new HashMap<>();
        live.forEach((path, holder) -> result.put(path, holder.serviceId()));
        return result;
    }

    private void publish(Entry entry) {
        String name = entry.resource().getClass().getName();
        try {
            live.put(entry.path(), new Live(entry.serviceId(),
                    publisher.publish(entry.path(), entry.resource(), entry.access())));
            LOG.info("Published {} at {}{} ({})", name, RestApi.CONTEXT, entry.path(), entry.access());
        } catch (Exception e) {
            LOG.error("Cannot publish {} (service {}) at {}", name, entry.serviceId(), entry.path(), e);
        }
    }

    private void withdraw(String path, Live holder) {
        try {
            holder.handle().close();
            LOG.info("Withdrew the resource at {}{}", RestApi.CONTEXT, path);
        } catch (Exception e) {
            LOG.warn("Error while withdrawing the resource at {}{}", RestApi.CONTEXT, path, e);
        }
    }
}
