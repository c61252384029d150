package org.hamster.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hamster.common.HamsterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseTableTest {
    @TempDir
    Path dir;

    @Test
    void survivesARestartAndAllocatesFreePorts() throws Exception {
        Path file = dir.resolve("leases.json");
        LeaseTable t = new LeaseTable(file);
        LeaseTable.Lease a = new LeaseTable.Lease("order-1", 1, -1, 5, "tenant", "docker", 22000, 10, 0);
        t.put(a);
        t.put(a.withAgreement(7, "tenant").withHeartbeat(99));
        t.put(new LeaseTable.Lease("order-2", 2, -1, 5, "tenant", "kvm", 22001, 11, 0));
        assertEquals(22002, t.freePort(22000, 22010, List.of()));
        assertEquals(22003, t.freePort(22000, 22010, List.of(22002)));
        assertEquals(-1, t.freePort(22000, 22001, List.of()));
        LeaseTable again = new LeaseTable(file);
        assertEquals(a.withAgreement(7, "tenant").withHeartbeat(99), again.get("order-1").orElseThrow());
        assertEquals("order-1", again.byAgreement(7).orElseThrow().leaseId());
        again.remove("order-1");
        assertEquals(1, new LeaseTable(file).all().size());
        assertTrue(Files.notExists(dir.resolve("leases.json.tmp")));
    }

    @Test
    void aDamagedTableIsAnErrorNotAnEmptyTable() throws Exception {
        Path file = dir.resolve("leases.json");
        Files.writeString(file, "[{\"leaseId\": ");
        HamsterException e = assertThrows(HamsterException.class, () -> new LeaseTable(file));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }
}
