package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "hamster", name = "client-lock", description = "Forgets the tenant's key; closes every link")
@Service
public class ClientLockCommand extends ClientCommand {
    @Override
    void run() {
        System.out.println("Locked " + client.lock().account());
    }
}
