package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "resource-relist", description = "Puts an offline resource (after a fault) back on the market")
@Service
public class ResourceRelistCommand extends SignedCall {
    @Argument(index = 1, name = "resource", required = true, description = "Resource id")
    long resource;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().relist(resource);
    }
}
