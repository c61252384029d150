package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.client.ClientException;
import org.hamster.client.OrderView;

@Command(scope = "hamster", name = "cancel", description = "Cancels an order the provider has not started; "
        + "fully refunded")
@Service
public class CancelCommand extends ClientCommand {
    @Argument(index = 0, name = "order", required = true, description = "Order id (hamster:orders)")
    long order;

    @Override
    void run() throws ClientException {
        OrderView o = client.cancel(order);
        System.out.printf("Order %d: %s; %s refunded%n", o.id(), o.state(), o.amount().text());
    }
}
