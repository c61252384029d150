package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "heartbeat", description = "Provider heartbeat for a lease: proves it alive and settles the rent earned so far")
@Service
public class HeartbeatCommand extends SignedCall {
    @Argument(index = 1, name = "agreement", required = true, description = "Agreement id")
    long agreement;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().heartbeat(agreement);
    }
}
