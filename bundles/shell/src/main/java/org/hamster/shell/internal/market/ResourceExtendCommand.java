package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "resource-extend", description = "Adds rentable hours to a resource listing")
@Service
public class ResourceExtendCommand extends SignedCall {
    @Argument(index = 1, name = "resource", required = true, description = "Resource id")
    long resource;

    @Argument(index = 2, name = "hours", required = true, description = "Hours to add")
    long hours;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().addDuration(resource, hours);
    }
}
