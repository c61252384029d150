package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.client.ClientException;

@Command(scope = "hamster", name = "unlink", description = "Closes the local port of a lease")
@Service
public class UnlinkCommand extends ClientCommand {
    @Argument(index = 0, name = "agreement", required = true, description = "Agreement id (hamster:links)")
    long agreement;

    @Override
    void run() throws ClientException {
        client.unlink(agreement);
        System.out.println("Unlinked agreement " + agreement);
    }
}
