package org.hamster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
    @TempDir
    Path dir;

    @Test
    void createsA32ByteHexTokenReadableOnlyByTheOwner() throws IOException {
        Path file = dir.resolve("hamster").resolve("api.token");
        String token = TokenFile.loadOrCreate(file);
        assertTrue(token.matches("[0-9a-f]{64}"), token);
        assertEquals(token, Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void reusesTheTokenOnLaterStarts() throws IOException {
        Path file = dir.resolve("api.token");
        String first = TokenFile.loadOrCreate(file);
        assertEquals(first, TokenFile.loadOrCreate(file));
        assertTrue(!first.equals(TokenFile.loadOrCreate(dir.resolve("other.token"))), "tokens are random");
    }

    @Test
    void refusesAFileThatDoesNotHoldOneToken() throws IOException {
        for (String bad : List.of("", "secret", "ab".repeat(31), "ab".repeat(33), "zz".repeat(32),
                "ab".repeat(32) + "\n" + "cd".repeat(32))) {
            Path file = Files.writeString(dir.resolve("bad.token"), bad);
            IOException e = assertThrows(IOException.class, () -> TokenFile.loadOrCreate(file), bad);
            assertTrue(e.getMessage().contains("must hold exactly one token of 64 hex digits"), e.getMessage());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
        Path big = Files.write(dir.resolve("big.token"), new byte[4096]);
        assertThrows(IOException.class, () -> TokenFile.read(big));
        assertThrows(IOException.class, () -> TokenFile.read(dir), "a directory is not a token file");
    }

    @Test
    void acceptsSurroundingWhitespaceAndTightensAnOpenMode() throws IOException {
        String token = "0123456789abcdef".repeat(4);
        Path file = Files.writeString(dir.resolve("api.token"), "  " + token + "\r\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(token, TokenFile.loadOrCreate(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void resolvesTheConfiguredPathAgainstKarafData() {
        assertEquals(Path.of("/k/data/hamster/api.token"), TokenFile.resolve("", "/k/data"));
        assertEquals(Path.of("/k/data/hamster/api.token"), TokenFile.resolve("  ", "/k/data"));
        assertEquals(Path.of("data/hamster/api.token"), TokenFile.resolve(null, null));
        assertEquals(Path.of("/k/data/x/t"), TokenFile.resolve("x/t", "/k/data"));
        assertEquals(Path.of("/etc/hamster/t"), TokenFile.resolve("/etc/hamster/t", "/k/data"));
    }
}
