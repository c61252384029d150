package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "resource-remove", description = "Removes an unused or offline resource from the market")
@Service
public class ResourceRemoveCommand extends SignedCall {
    @Argument(index = 1, name = "resource", required = true, description = "Resource id")
    long resource;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().removeResource(resource);
    }
}
