package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "order-cancel", description = "Cancels a pending order (tenant only): full refund, resource unlocked")
@Service
public class OrderCancelCommand extends SignedCall {
    @Argument(index = 1, name = "order", required = true, description = "Order id")
    long order;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().cancelOrder(order);
    }
}
