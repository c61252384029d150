package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "resource-offline", description = "Takes an unused resource off the market "
        + "(no fault recorded; resource-relist brings it back)")
@Service
public class ResourceOfflineCommand extends SignedCall {
    @Argument(index = 1, name = "resource", required = true, description = "Resource id")
    long resource;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().offline(resource);
    }
}
