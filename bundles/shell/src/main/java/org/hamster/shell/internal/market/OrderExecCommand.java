package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "order-exec", description = "Executes an order on the provider's resource: locks pledge, starts or extends the lease")
@Service
public class OrderExecCommand extends SignedCall {
    @Argument(index = 1, name = "order", required = true, description = "Order id")
    long order;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().execOrder(order);
    }
}
