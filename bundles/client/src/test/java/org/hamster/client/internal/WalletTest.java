package org.hamster.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hamster.client.AccountView;
import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Keystore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletTest {
    @TempDir
    Path dir;

    @Test
    void importsFromASecretOrAPolkadotJsExportAndListsThem() throws Exception {
        Wallet wallet = new Wallet(dir.resolve("keystore"));
        String alice = KeyDerivation.pair("//Alice").address();
        assertEquals(new AccountView("alice", alice, false), wallet.importAccount("alice", "//Alice", null, "pw 1"));
        Keystore other = new Keystore(dir.resolve("elsewhere"));
        other.importKey("bob", "//Bob", "their password");
        String json = other.exportPolkadotJson("bob", "their password");
        AccountView bob = wallet.importAccount("bob", null, json, "their password");
        assertEquals(KeyDerivation.pair("//Bob").address(), bob.address());
        wallet.unlock("bob", "their password");
        assertEquals(List.of(new AccountView("alice", alice, false), new AccountView("bob", bob.address(), true)),
                wallet.accounts());
    }

    @Test
    void badImportsAreRefusedAndChangeNothing() throws Exception {
        Wallet wallet = new Wallet(dir.resolve("keystore"));
        wallet.importAccount("alice", "//Alice", null, "pw");
        assertEquals(Reason.CONFLICT, refused(() -> wallet.importAccount("alice", "//Bob", null, "pw")));
        assertEquals(Reason.INVALID_INPUT, refused(() -> wallet.importAccount("x", "//Bob", "{}", "pw")),
                "a secret and a JSON at once");
        assertEquals(Reason.INVALID_INPUT, refused(() -> wallet.importAccount("x", null, null, "pw")));
        assertEquals(Reason.INVALID_INPUT, refused(() -> wallet.importAccount("x", "//Bob", null, "")));
        assertEquals(Reason.INVALID_INPUT, refused(() -> wallet.importAccount("x", null, "{\"encoded\":1}", "pw")));
        assertEquals(Reason.INVALID_INPUT, refused(() -> wallet.importAccount("x", "not a secret", null, "pw")));
        assertEquals(1, wallet.accounts().size(), "only alice");
        assertTrue(wallet.accounts().get(0).address().startsWith("5"));
    }

    private interface Call {
        void run() throws ClientException;
    }

    private static Reason refused(Call call) {
        return assertThrows(ClientException.class, call::run).reason();
    }
}
