package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.client.ClientException;
import org.hamster.client.OrderView;
import org.hamster.client.internal.Settings;

@Command(scope = "hamster", name = "buy", description = "Rents a machine: pays price x hours into escrow; the "
        + "provider starts it with your SSH key")
@Service
public class BuyCommand extends ClientCommand {
    @Argument(index = 0, name = "resource", required = true, description = "Resource id (hamster:market)")
    long resource;

    @Argument(index = 1, name = "hours", required = true, description = "Hours to rent")
    long hours;

    @Option(name = "--key", description = "SSH public key file (default: sshPublicKey of the client's settings)")
    String keyFile;

    @Override
    void run() throws ClientException {
        OrderView o = client.buy(resource, hours, keyFile == null ? null : Settings.sshKey(keyFile));
        System.out.printf("Order %d: %d h of resource %d for %s, %s%n", o.id(), o.hours(), o.resource(),
                o.amount().text(), o.state());
        System.out.println("The provider starts the machine shortly; then hamster:resources and hamster:link.");
    }
}
