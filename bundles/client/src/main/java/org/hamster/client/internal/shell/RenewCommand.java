package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.client.ClientException;
import org.hamster.client.OrderView;

@Command(scope = "hamster", name = "renew", description = "Pays for more hours of a running lease; the provider "
        + "extends it")
@Service
public class RenewCommand extends ClientCommand {
    @Argument(index = 0, name = "agreement", required = true, description = "Agreement id (hamster:resources)")
    long agreement;

    @Argument(index = 1, name = "hours", required = true, description = "Hours to add")
    long hours;

    @Override
    void run() throws ClientException {
        OrderView o = client.renew(agreement, hours);
        System.out.printf("Renewal order %d: %d h more of agreement %d for %s, %s%n", o.id(), o.hours(), agreement,
                o.amount().text(), o.state());
    }
}
