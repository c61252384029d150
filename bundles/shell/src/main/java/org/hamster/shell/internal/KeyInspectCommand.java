package org.hamster.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;
import org.hamster.common.Hex;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Ss58;

@Command(scope = "hamster", name = "key-inspect", description = "Shows the ed25519 keys of a secret URI, like "
        + "'subkey inspect --scheme ed25519'")
@Service
public class KeyInspectCommand implements Action {
    @Argument(index = 0, name = "uri", required = true,
            description = "Mnemonic phrase, 0x seed or dev URI (//Alice), with //hard junctions and ///password")
    String uri;

    @Override
    public Object execute() {
        try {
            Ed25519.KeyPair k = KeyDerivation.pair(uri);
            KeyOutput.print(uri, k);
        } catch (HamsterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return null;
    }

    /** subkey's layout. */
    static final class KeyOutput {
        private KeyOutput() {
        }

        static void print(String uri, Ed25519.KeyPair k) {
            System.out.printf("Secret Key URI `%s` is account:%n", uri);
            System.out.printf("  Network ID:        substrate%n");
            System.out.printf("  Secret seed:       %s%n", Hex.encode(k.seed()));
            System.out.printf("  Public key (hex):  %s%n", Hex.encode(k.publicKey()));
            System.out.printf("  Account ID:        %s%n", Hex.encode(k.publicKey()));
            System.out.printf("  Public key (SS58): %s%n", Ss58.encode(k.publicKey()));
            System.out.printf("  SS58 Address:      %s%n", Ss58.encode(k.publicKey()));
        }
    }
}
