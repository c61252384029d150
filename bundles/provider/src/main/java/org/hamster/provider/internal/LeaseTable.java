package org.hamster.provider.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/**
 * The provider's own record of its leases, in a JSON file rewritten atomically (temp file, fsync, rename) on every
 * change, so that a kill -9 leaves either the old or the new table. It remembers what the chain and the backends
 * cannot say: which backend holds a lease's machine, its SSH port, when it last sent a heartbeat. Thread-safe.
 */
final class LeaseTable {
    /**
     * @param leaseId machine name, {@code order-<id>}
     * @param agreement the agreement once the order is executed, else -1
     * @param backend the backend that created the machine
     * @param sshPort its SSH port on 127.0.0.1
     * @param lastHeartbeatMs when this provider last sent a heartbeat for it (wall clock), 0 before the first
     */
    record Lease(String leaseId, long order, long agreement, long resource, String tenant, String backend,
            int sshPort, long createdMs, long lastHeartbeatMs) {
        Lease withAgreement(long a, String tenantAddress) {
            return new Lease(leaseId, order, a, resource, tenantAddress, backend, sshPort, createdMs, lastHeartbeatMs);
        }

        Lease withHeartbeat(long ms) {
            return new Lease(leaseId, order, agreement, resource, tenant, backend, sshPort, createdMs, ms);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, Lease> leases = new TreeMap<>();

    LeaseTable(Path file) throws HamsterException {
        this.file = file;
        if (Files.exists(file)) {
            try {
                List<Lease> list = JSON.readValue(file.toFile(), new TypeReference<List<Lease>>() { });
                list.forEach(l -> leases.put(l.leaseId(), l));
            } catch (IOException e) {
                throw new HamsterException(ErrorCode.STORAGE, e, "the lease table " + file + " cannot be read ("
                        + e.getMessage() + "); move it away only if its machines were removed by hand");
            }
        }
    }

    synchronized Optional<Lease> get(String leaseId) {
        return Optional.ofNullable(leases.get(leaseId));
    }

    synchronized List<Lease> all() {
        return new ArrayList<>(leases.values());
    }

    synchronized Optional<Lease> byAgreement(long agreement) {
        return leases.values().stream().filter(l -> l.agreement() == agreement).findFirst();
    }

    synchronized void put(Lease lease) throws HamsterException {
        Lease before = leases.put(lease.leaseId(), lease);
        try {
            save();
        } catch (HamsterException e) {
            if (before == null) {
                leases.remove(lease.leaseId());
            } else {
                leases.put(before.leaseId(), before);
            }
            throw e;
        }
    }

    synchronized void remove(String leaseId) throws HamsterException {
        Lease before = leases.remove(leaseId);
        if (before != null) {
            try {
                save();
            } catch (HamsterException e) {
                leases.put(leaseId, before);
                throw e;
            }
        }
    }

    /** A port in [from, to] no lease holds, or -1. */
    synchronized int freePort(int from, int to, Collection<Integer> alsoTaken) {
        for (int p = from; p <= to; p++) {
            int port = p;
            if (!alsoTaken.contains(port) && leases.values().stream().noneMatch(l -> l.sshPort() == port)) {
                return port;
            }
        }
        return -1;
    }

    private void save() throws HamsterException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new ArrayList<>(leases.values())));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new HamsterException(ErrorCode.STORAGE, e, "cannot write the lease table " + file + ": " + e);
        }
    }
}
