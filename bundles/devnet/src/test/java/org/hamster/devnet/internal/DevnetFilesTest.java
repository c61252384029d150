package org.hamster.devnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetFilesTest {
    @TempDir
    Path dir;

    @Test
    void thePasswordIsRandomOwnerOnlyAndStable() throws Exception {
        DevnetFiles files = DevnetFiles.create(dir.resolve("devnet"));
        String first = files.password();
        assertEquals(32, first.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.passwordFile())));
        assertEquals(first, DevnetFiles.create(dir.resolve("devnet")).password(), "kept across restarts");
        assertTrue(!first.equals(DevnetFiles.create(dir.resolve("other")).password()));
    }

    @Test
    void theTenantKeyIsMadeOnceWithSshKeygen() throws Exception {
        DevnetFiles files = DevnetFiles.create(dir);
        Path key = files.tenantSshKey().orElseThrow();
        String pub = Files.readString(Path.of(key + ".pub"));
        assertTrue(pub.startsWith("ssh-ed25519 "), pub);
        assertEquals(pub, Files.readString(Path.of(files.tenantSshKey().orElseThrow() + ".pub")), "not remade");
    }
}
