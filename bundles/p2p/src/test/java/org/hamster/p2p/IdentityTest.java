package org.hamster.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void privateKeyProtobufRoundTripsAndAcceptsTheLegacyForm() throws HamsterException {
        Identity id = Identity.generate();
        assertEquals(id.peerId(), Identity.fromPrivateKeyProtobuf(id.toPrivateKeyProtobuf()).peerId());
        byte[] legacy = HEX.parseHex("08011260" + HEX.formatHex(id.toPrivateKeyProtobuf()).substring(8)
                + HEX.formatHex(id.publicKey()));
        assertEquals(id.peerId(), Identity.fromPrivateKeyProtobuf(legacy).peerId());
        assertTrue(Ed25519.verify(id.publicKey(), new byte[] {1, 2}, id.sign(new byte[] {1, 2})));
        assertFalse(id.toString().contains(HEX.formatHex(id.toPrivateKeyProtobuf()).substring(8, 40)));
    }

    @Test
    void rejectsForeignOrInconsistentKeys() {
        Identity id = Identity.generate();
        byte[] wrongPub = id.toPrivateKeyProtobuf();
        wrongPub[wrongPub.length - 1] ^= 1;
        assertThrows(HamsterException.class, () -> Identity.fromPrivateKeyProtobuf(wrongPub));
        assertThrows(HamsterException.class, () -> Identity.fromPrivateKeyProtobuf(HEX.parseHex("0800120100")));
        assertThrows(HamsterException.class, () -> Identity.fromPrivateKeyProtobuf(HEX.parseHex("08011203010203")));
        assertThrows(HamsterException.class, () -> Identity.fromPrivateKeyProtobuf(new byte[] {(byte) 0xff}));
    }

    @Test
    void keyFilesAreOwnerOnlyAndStable(@TempDir Path dir) throws Exception {
        Path file = IdentityFiles.forRole(dir.resolve("keys"), "gateway");
        assertEquals("p2p-gateway.key", file.getFileName().toString());
        Identity created = IdentityFiles.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(created.peerId(), IdentityFiles.loadOrCreate(file).peerId());
        assertArrayEquals(created.toPrivateKeyProtobuf(), Files.readAllBytes(file));
        try (var s = Files.list(file.getParent())) {
            assertEquals(1, s.count()); // no temp file left behind
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(created.peerId(), IdentityFiles.load(file).peerId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void badKeyFilesAndRolesAreRefused(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.key");
        Files.write(junk, new byte[] {1, 2, 3});
        assertThrows(HamsterException.class, () -> IdentityFiles.load(junk));
        Path big = dir.resolve("big.key");
        Files.write(big, new byte[10_000]);
        assertThrows(HamsterException.class, () -> IdentityFiles.load(big));
        assertThrows(HamsterException.class, () -> IdentityFiles.load(dir.resolve("missing.key")));
        assertThrows(IllegalArgumentException.class, () -> IdentityFiles.forRole(dir, "../etc"));
        assertThrows(IllegalArgumentException.class, () -> IdentityFiles.forRole(dir, "Gateway"));
    }
}
