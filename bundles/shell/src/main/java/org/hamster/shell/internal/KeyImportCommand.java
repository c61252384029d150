package org.hamster.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Keystore;

@Command(scope = "hamster", name = "key-import", description = "Stores a key in the encrypted keystore under a "
        + "name (scrypt + xsalsa20-poly1305, as polkadot.js); without a secret URI a new key is generated")
@Service
public class KeyImportCommand implements Action {
    @Argument(index = 0, name = "name", required = true, description = "Name of the key in the keystore")
    String name;

    @Argument(index = 1, name = "uri", description = "Mnemonic phrase, 0x seed or dev URI (//Alice); omit to "
            + "generate a new key")
    String uri;

    @Option(name = "--password", description = "Password (asked for when omitted)")
    String password;

    @Option(name = "--json", description = "Import a polkadot.js account export (JSON file) instead of a secret URI;"
            + " the password is the one it was exported with, and it is kept")
    String jsonFile;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        String pw = password != null ? password : session.readLine("New password for " + name + ": ", '*');
        if (pw == null || pw.isEmpty()) {
            throw new IllegalArgumentException("A password is needed to encrypt the key");
        }
        if (jsonFile != null && uri != null) {
            throw new IllegalArgumentException("Give either a secret URI or --json, not both");
        }
        try {
            Keystore ks = new Keystore(Keys.keystoreDir());
            String address;
            if (jsonFile != null) {
                String json;
                try {
                    json = java.nio.file.Files.readString(java.nio.file.Path.of(jsonFile));
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("Cannot read " + jsonFile + ": " + e.getMessage());
                }
                address = ks.importPolkadotJson(json, pw, name);
            } else {
                address = uri == null ? ks.create(name, pw) : ks.importKey(name, uri, pw);
            }
            System.out.println(name + " " + address);
        } catch (HamsterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return null;
    }
}
