package org.hamster.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Keystore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a configuration cannot start the provider, in the operator's words, for each cause. */
class ConfigCheckTest {
    private static final String WHERE = "in etc/org.hamster.provider.cfg, with hamster:provider-settings --set ";
    private static final String UI = ", or in the web console's provider settings";

    @TempDir
    Path dir;
    private Path keystore;
    private Path password;

    @BeforeEach
    void keystore() {
        keystore = dir.resolve("keystore");
        password = dir.resolve("provider.password");
    }

    private ConfigCheck.Outcome check(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(Map.of("keystoreDir", keystore.toString()));
        all.putAll(values);
        return ConfigCheck.check(TestConfigs.provider(all));
    }

    private String reason(Map<String, Object> values) {
        ConfigCheck.Outcome o = check(values);
        assertNull(o.key(), "no key for " + values);
        return o.reason();
    }

    @Test
    void noAccountSaysWhatToSetAndWhere() {
        ConfigCheck.Outcome o = check(Map.of());
        assertNull(o.key());
        assertEquals("no account is set; set account (a keystore account, see hamster:key-import) and passwordFile "
                + "(a file with its password) " + WHERE + "account=<name> --set passwordFile=<file>" + UI, o.reason());
        assertNull(o.watched(), "only a configuration change fixes it");
        assertTrue(reason(Map.of("account", "  ", "passwordFile", "/x")).startsWith("no account is set;"));
    }

    @Test
    void anAccountTheKeystoreDoesNotHaveNamesTheKeystoreAndItsAccounts() throws Exception {
        ConfigCheck.Outcome o = check(Map.of("account", "prov", "passwordFile", password.toString()));
        assertEquals("the keystore (" + keystore + ") has no account named 'prov'; import it with hamster:key-import "
                + "prov \"<mnemonic, //uri or 0x seed>\", or set account to an account you import (the keystore has "
                + "none) " + WHERE + "account=<name>" + UI, o.reason());
        assertNotNull(o.watched(), "an import fixes it");
        new Keystore(keystore).importKey("other", "//Dave", "pw");
        new Keystore(keystore).importKey("bob", "//Bob", "pw");
        assertTrue(reason(Map.of("account", "prov")).contains("or set account to one it has (bob, other) "));
        assertTrue(reason(Map.of("account", "no such")).contains("has no account named 'no such'; import it with "
                + "hamster:key-import \"no such\" "));
    }

    @Test
    void noPasswordFile() throws Exception {
        new Keystore(keystore).importKey("prov", "//Bob", "secret");
        ConfigCheck.Outcome o = check(Map.of("account", "prov"));
        assertEquals("passwordFile is not set; set it to a file with the keystore password of account 'prov' on its "
                + "first line " + WHERE + "passwordFile=<file>" + UI, o.reason());
        assertNull(o.watched());
    }

    @Test
    void anUnreadableEmptyOrWrongPasswordFile() throws Exception {
        new Keystore(keystore).importKey("prov", "//Bob", "secret");
        Map<String, Object> cfg = Map.of("account", "prov", "passwordFile", password.toString());
        assertEquals("cannot read passwordFile " + password + " (no such file); write the keystore password of "
                + "account 'prov' on its first line, readable by the Karaf user only, or set passwordFile to another "
                + "file " + WHERE + "passwordFile=<file>" + UI, reason(cfg));
        assertTrue(reason(Map.of("account", "prov", "passwordFile", dir.toString()))
                .startsWith("cannot read passwordFile " + dir + " ("), "a directory");
        Files.writeString(password, "\n");
        assertEquals("passwordFile " + password + " is empty; write the keystore password of account 'prov' on its "
                + "first line", reason(cfg));
        Files.writeString(password, "not the password\nsecret\n");
        assertEquals("the password in passwordFile " + password + " does not unlock keystore account 'prov' (wrong "
                + "password); write that account's keystore password on its first line", reason(cfg));
        assertNotNull(check(cfg).watched());
    }

    @Test
    void settingsItCannotStartWith() throws Exception {
        new Keystore(keystore).importKey("prov", "//Bob", "secret");
        Files.writeString(password, "secret\n");
        Map<String, Object> cfg = new HashMap<>(Map.of("account", "prov", "passwordFile", password.toString()));
        cfg.put("listenAddress", "127.0.0.1:4002");
        assertTrue(reason(cfg).startsWith("listenAddress '127.0.0.1:4002' is not a multiaddr such as "
                + "/ip4/0.0.0.0/tcp/4002 ("), reason(cfg));
        cfg.remove("listenAddress");
        cfg.put("sshPortFrom", 23000);
        cfg.put("sshPortTo", 22000);
        assertEquals("the SSH port range sshPortFrom 23000 to sshPortTo 22000 is not a range of ports from 1024 to "
                + "65535; set both " + WHERE + "sshPortFrom=<port> --set sshPortTo=<port>" + UI, reason(cfg));
    }

    @Test
    void aGoodConfigurationUnlocksTheAccount() throws Exception {
        new Keystore(keystore).importKey("prov", "//Bob", "secret");
        Files.writeString(password, "  secret  \nignored\n");
        ConfigCheck.Outcome o = check(Map.of("account", " prov ", "passwordFile", password.toString()));
        assertNull(o.reason());
        assertEquals(KeyDerivation.pair("//Bob").address(), o.key().address());
    }

    @Test
    void theWatchedFilesChangeWhenTheOperatorFixesThem() throws Exception {
        ProviderConfig cfg = TestConfigs.provider(Map.of("keystoreDir", keystore.toString(), "account", "prov",
                "passwordFile", password.toString()));
        String before = ConfigCheck.watched(cfg);
        assertEquals(before, ConfigCheck.watched(cfg));
        new Keystore(keystore).importKey("prov", "//Bob", "secret");
        String imported = ConfigCheck.watched(cfg);
        assertNotEquals(before, imported);
        Files.writeString(password, "secret\n");
        assertNotEquals(imported, ConfigCheck.watched(cfg));
    }
}
