package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.hamster.client.ClientException;
import org.hamster.client.ClientStatus;

@Command(scope = "hamster", name = "client-unlock", description = "Unlocks the tenant's keystore account until "
        + "hamster:client-lock (or a restart)")
@Service
public class ClientUnlockCommand extends ClientCommand {
    @Reference
    Session session;

    @Argument(index = 0, name = "account", description = "Keystore account name (default: the configured account)")
    String account;

    @Option(name = "--password", description = "Keystore password (prompted when omitted)")
    String password;

    @Override
    void run() throws ClientException {
        String pw = password;
        if (pw == null) {
            try {
                pw = session.readLine("Password for " + (account != null ? account : client.status().account())
                        + ": ", '*');
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read the password: " + e.getMessage());
            }
        }
        ClientStatus s = client.unlock(account, pw);
        System.out.println("Unlocked " + s.account() + " (" + s.address() + ")");
    }
}
