package org.hamster.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Mnemonic;

@Command(scope = "hamster", name = "key-generate", description = "Generates a new ed25519 key from a fresh "
        + "BIP39 mnemonic, like 'subkey generate --scheme ed25519'")
@Service
public class KeyGenerateCommand implements Action {
    @Option(name = "-w", aliases = "--words", description = "Number of mnemonic words: 12, 15, 18, 21 or 24")
    int words = 12;

    @Override
    public Object execute() {
        try {
            String phrase = Mnemonic.generate(words);
            KeyInspectCommand.KeyOutput.print(phrase, KeyDerivation.pair(phrase));
        } catch (HamsterException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return null;
    }
}
