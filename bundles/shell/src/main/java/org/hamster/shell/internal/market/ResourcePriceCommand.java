package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "resource-price", description = "Changes a resource's price per hour (new orders only)")
@Service
public class ResourcePriceCommand extends SignedCall {
    @Argument(index = 1, name = "resource", required = true, description = "Resource id")
    long resource;

    @Argument(index = 2, name = "price", required = true, description = "Price per hour in tokens or base units (p suffix)")
    String price;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().modifyPrice(resource, amount(price));
    }
}
