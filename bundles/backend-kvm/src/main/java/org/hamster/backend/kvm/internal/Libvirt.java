package org.hamster.backend.kvm.internal;

import java.util.Optional;
import org.hamster.compute.ComputeException;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One libvirt connection, opened on first use and again after libvirtd went away. Calls run with this bundle's
 * class loader as the thread context class loader (JNA looks there) and turn libvirt's errors into
 * {@link ComputeException}s that say what was being done.
 */
final class Libvirt implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Libvirt.class);
    /**
     * Replaces libvirt's default error function, which prints every error (a lookup of a missing domain too) to
     * stderr, i.e. the Karaf console; errors still reach us as exceptions. Held here so it is never collected.
     */
    private static final org.libvirt.jna.Libvirt.VirErrorCallback QUIET = (userData, error) -> { };
    private final String uri;
    private Connect connect;

    @FunctionalInterface
    interface Call<T> {
        T apply(Connect c) throws LibvirtException;
    }

    Libvirt(String uri) {
        this.uri = uri;
    }

    String uri() {
        return uri;
    }

    /** Runs {@code call} on the connection; {@code what} completes "kvm: cannot ..." in the error. */
    <T> T call(String what, Call<T> call) throws ComputeException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Libvirt.class.getClassLoader());
        try {
            return call.apply(connection());
        } catch (LibvirtException e) {
            dropIfDead();
            throw new ComputeException("kvm: cannot " + what + ": " + message(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    interface DomainCall<T> {
        T apply(Domain d) throws LibvirtException;
    }

    /** Runs {@code call} on a domain of this connection. */
    <T> T call(String what, DomainCall<T> call, Domain domain) throws ComputeException {
        return call(what, c -> call.apply(domain));
    }

    @FunctionalInterface
    interface DomainAction {
        void apply(Domain d) throws LibvirtException;
    }

    /** Runs an action without a result on a domain of this connection. */
    void run(String what, DomainAction action, Domain domain) throws ComputeException {
        call(what, c -> {
            action.apply(domain);
            return null;
        });
    }

    /** The domain of that name, or empty if libvirt has none. */
    Optional<Domain> lookup(String name) throws ComputeException {
        return call("look up domain " + name, c -> {
            try {
                return Optional.of(c.domainLookupByName(name));
            } catch (LibvirtException e) {
                if (e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private synchronized Connect connection() throws ComputeException {
        if (connect == null) {
            try {
                Connect.setErrorCallback(QUIET);
                connect = new Connect(uri);
            } catch (LibvirtException e) {
                throw new ComputeException("kvm: cannot connect to libvirt at " + uri + " (is libvirtd running?): "
                        + message(e), e);
            } catch (RuntimeException | LinkageError e) {
                // JNA could not load libvirt.so.0 (Debian package libvirt0)
                throw new ComputeException("kvm: cannot use libvirt at " + uri + ": " + e, e);
            }
            LOG.debug("kvm: connected to {}", uri);
        }
        return connect;
    }

    private synchronized void dropIfDead() {
        if (connect == null) {
            return;
        }
        boolean alive;
        try {
            alive = connect.isAlive();
        } catch (LibvirtException | RuntimeException e) {
            alive = false;
        }
        if (!alive) {
            LOG.info("kvm: lost the connection to {}; reconnecting on the next call", uri);
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connect != null) {
            try {
                connect.close();
            } catch (LibvirtException | RuntimeException e) {
                LOG.debug("kvm: closing {}: {}", uri, e.toString());
            }
            connect = null;
        }
    }

    static String message(LibvirtException e) {
        return e.getError() != null && e.getError().getMessage() != null ? e.getError().getMessage() : e.getMessage();
    }
}
