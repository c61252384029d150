package org.hamster.backend.docker.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hamster.compute.SshPublicKey;
import org.junit.jupiter.api.Test;

class KeyArchiveTest {
    @Test
    void holdsExactlyTheKeyLineWithPrivateModes() throws IOException {
        SshPublicKey key = TestConfigs.key(3, "alice@laptop");
        Instant when = Instant.parse("2026-11-25T10:00:00Z");
        byte[] tar = KeyArchive.authorizedKeys(key, when);
        assertEquals(0, tar.length % 512, "whole tar records");
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry dir = in.getNextEntry();
            assertEquals("root/.ssh/", dir.getName());
            assertTrue(dir.isDirectory());
            assertEquals(0700, dir.getMode() & 07777);
            assertOwnedByRoot(dir);

            TarArchiveEntry file = in.getNextEntry();
            assertEquals("root/.ssh/authorized_keys", file.getName());
            assertTrue(file.isFile());
            assertEquals(0600, file.getMode() & 07777);
            assertOwnedByRoot(file);
            assertEquals(when, file.getModTime().toInstant());
            byte[] expected = (key.line() + "\n").getBytes(StandardCharsets.US_ASCII);
            assertEquals(expected.length, file.getSize());
            assertArrayEquals(expected, in.readAllBytes());

            assertNull(in.getNextEntry(), "nothing else: no /root, no other file");
        }
    }

    @Test
    void theLineIsTheNormalisedKey() throws IOException {
        SshPublicKey key = SshPublicKey.parse("  " + TestConfigs.key(9, "x").line().replace(" x", "   bob  ") + " ");
        byte[] tar = KeyArchive.authorizedKeys(key, Instant.EPOCH);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            in.getNextEntry();
            in.getNextEntry();
            String content = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(content.startsWith("ssh-ed25519 AAAA"), content);
            assertTrue(content.endsWith(" bob\n"), content);
            assertEquals(1, content.lines().count());
        }
    }

    private static void assertOwnedByRoot(TarArchiveEntry e) {
        assertEquals(0L, e.getLongUserId());
        assertEquals(0L, e.getLongGroupId());
        assertEquals("root", e.getUserName());
    }
}
