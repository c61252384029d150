package org.hamster.shell.internal;

import java.nio.file.Path;
import org.apache.karaf.shell.api.console.Session;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Keystore;

/** Resolves a signing key from a secret URI or an account in the encrypted keystore. */
public final class Keys {
    private Keys() {
    }

    public static Path keystoreDir() {
        return Path.of(System.getProperty("karaf.data", "data"), "hamster", "keystore");
    }

    public static boolean isSecretUri(String s) {
        return s.startsWith("//") || s.startsWith("0x") || s.trim().contains(" ");
    }

    public static Ed25519.KeyPair resolve(String from, String password, Session session) throws Exception {
        if (isSecretUri(from)) {
            return KeyDerivation.pair(from);
        }
        Keystore ks = new Keystore(keystoreDir());
        String pw = password != null ? password : session.readLine("Password for " + from + ": ", '*');
        if (pw == null) {
            throw new HamsterException(org.hamster.common.ErrorCode.KEYSTORE, "no password given");
        }
        return ks.unlock(from, pw);
    }
}
