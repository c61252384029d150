package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "order-renew", description = "Orders more hours for a running lease, signed by "
        + "the given tenant account; the provider executes the renewal")
@Service
public class RenewCommand extends SignedCall {
    @Argument(index = 1, name = "agreement", required = true, description = "Agreement id")
    long agreement;

    @Argument(index = 2, name = "hours", required = true, description = "Hours to add")
    long hours;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().renew(agreement, hours);
    }
}
