package org.hamster.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Keystore;

@Command(scope = "hamster", name = "key-list", description = "Lists the keys of the encrypted keystore")
@Service
public class KeyListCommand implements Action {
    @Override
    public Object execute() {
        try {
            Keystore ks = new Keystore(Keys.keystoreDir());
            ShellTable table = new ShellTable();
            table.column("Name");
            table.column("Address");
            for (String name : ks.list()) {
                table.addRow().addContent(name, ks.address(name));
            }
            table.print(System.out);
        } catch (HamsterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return null;
    }
}
