package org.hamster.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.common.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {
    private static final String ALICE = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";

    @TempDir
    Path dir;

    @Test
    void headlessRolesUnlockWithAPasswordFile() throws Exception {
        Keystore keystore = new Keystore(dir.resolve("keys"));
        keystore.importKey("gw", "//Alice", "correct horse");
        Path pw = dir.resolve("gw.password");
        Files.writeString(pw, "correct horse\nanything after the first line is ignored\n");
        assertEquals(KeyDerivation.pair("//Alice"), keystore.unlockWithPasswordFile("gw", pw));
        HamsterException missing = assertThrows(HamsterException.class,
                () -> keystore.unlockWithPasswordFile("gw", dir.resolve("absent")));
        assertTrue(missing.getMessage().contains("cannot read the password file"), missing.getMessage());
        Files.writeString(pw, "wrong\n");
        assertThrows(HamsterException.class, () -> keystore.unlockWithPasswordFile("gw", pw));
    }

    @Test
    void importUnlockAndSign() throws Exception {
        Keystore keystore = new Keystore(dir.resolve("keys"));
        assertEquals(ALICE, keystore.importKey("alice", "//Alice", "correct horse"));
        assertEquals(List.of("alice"), keystore.list());
        assertEquals(ALICE, keystore.address("alice"));
        Ed25519.KeyPair pair = keystore.unlock("alice", "correct horse");
        assertEquals(KeyDerivation.pair("//Alice"), pair);
        assertArrayEquals(KeyDerivation.pair("//Alice").seed(), pair.seed());
        Path file = dir.resolve("keys/alice.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(file), Files.list(dir.resolve("keys")).toList());
    }

    @Test
    void wrongPassword() throws Exception {
        Keystore keystore = new Keystore(dir);
        keystore.importSeed("k", new byte[32], "right");
        HamsterException e = assertThrows(HamsterException.class, () -> keystore.unlock("k", "wrong"));
        assertEquals(ErrorCode.KEYSTORE, e.code());
        assertEquals("keystore: wrong password", e.getMessage());
    }

    @Test
    void storedFileHasThePolkadotJsShape() throws Exception {
        Keystore keystore = new Keystore(dir);
        keystore.importKey("bob", "//Bob", "pw");
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("bob.json")));
        assertEquals("[\"pkcs8\",\"ed25519\"]", json.path("encoding").path("content").toString());
        assertEquals("[\"scrypt\",\"xsalsa20-poly1305\"]", json.path("encoding").path("type").toString());
        assertEquals("3", json.path("encoding").path("version").asText());
        assertEquals("bob", json.path("meta").path("name").asText());
        assertEquals(DevAccounts.address("Bob"), json.path("address").asText());
        byte[] encoded = Base64.getDecoder().decode(json.path("encoded").asText());
        assertEquals(32 + 12 + 24 + 16 + 16 + 32 + 5 + 32, encoded.length);
        assertEquals("0x00800000" + "01000000" + "08000000", Hex.encode(java.util.Arrays.copyOfRange(encoded, 32, 44)));
    }

    @Test
    void importsAPolkadotJsExport() throws Exception {
        Keystore keystore = new Keystore(dir);
        assertEquals(ALICE, keystore.importPolkadotJson(resource("alice-polkadot-js.json"), "pw", "imported"));
        assertEquals(DevAccounts.alice(), keystore.unlock("imported", "pw"));
        assertEquals("imported", new ObjectMapper().readTree(keystore.exportPolkadotJson("imported", "pw"))
                .path("meta").path("name").asText());
        HamsterException e = assertThrows(HamsterException.class,
                () -> keystore.importPolkadotJson(resource("alice-polkadot-js.json"), "nope", "other"));
        assertEquals("keystore: wrong password", e.getMessage());
    }

    @Test
    void exportReimportsElsewhere() throws Exception {
        Keystore a = new Keystore(dir.resolve("a"));
        a.importKey("eve", "//Eve", "pw");
        String exported = a.exportPolkadotJson("eve", "pw");
        assertThrows(HamsterException.class, () -> a.exportPolkadotJson("eve", "bad"));
        Keystore b = new Keystore(dir.resolve("b"));
        assertEquals(DevAccounts.address("Eve"), b.importPolkadotJson(exported, "pw", "eve2"));
        assertEquals(DevAccounts.pair("Eve"), b.unlock("eve2", "pw"));
    }

    @Test
    void createChangePasswordAndRemove() throws Exception {
        Keystore keystore = new Keystore(dir);
        String phrase = keystore.create("fresh", "one");
        assertTrue(Mnemonic.validate(phrase));
        assertEquals(KeyDerivation.pair(phrase), keystore.unlock("fresh", "one"));
        keystore.changePassword("fresh", "one", "two");
        assertThrows(HamsterException.class, () -> keystore.unlock("fresh", "one"));
        assertEquals(KeyDerivation.pair(phrase), keystore.unlock("fresh", "two"));
        assertThrows(HamsterException.class, () -> keystore.changePassword("fresh", "one", "three"));
        keystore.remove("fresh");
        assertFalse(keystore.contains("fresh"));
        assertEquals(List.of(), keystore.list());
        HamsterException e = assertThrows(HamsterException.class, () -> keystore.remove("fresh"));
        assertEquals("keystore: no account named fresh", e.getMessage());
    }

    @Test
    void refusesDuplicatesBadNamesAndEmptyPasswords() throws Exception {
        Keystore keystore = new Keystore(dir);
        keystore.importKey("a", "//Dave", "pw");
        assertThrows(HamsterException.class, () -> keystore.importKey("a", "//Ferdie", "pw"));
        assertThrows(HamsterException.class, () -> keystore.importKey("../evil", "//Ferdie", "pw"));
        assertThrows(HamsterException.class, () -> keystore.importKey(".hidden", "//Ferdie", "pw"));
        assertThrows(HamsterException.class, () -> keystore.importKey("b", "//Ferdie", ""));
        assertThrows(HamsterException.class, () -> keystore.importPolkadotJson("{}", "pw", "c"));
        assertThrows(HamsterException.class, () -> keystore.importPolkadotJson("not json", "pw", "c"));
        assertThrows(HamsterException.class, () -> keystore.unlock("missing", "pw"));
        assertEquals(List.of("a"), keystore.list());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KeystoreTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
