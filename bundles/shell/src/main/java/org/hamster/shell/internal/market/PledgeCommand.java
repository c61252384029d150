package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "pledge", description = "Adds to the provider's pledge (reserved; locked 1:1 with each order it executes)")
@Service
public class PledgeCommand extends SignedCall {
    @Argument(index = 1, name = "amount", required = true, description = "Amount in tokens (1.5) or base units (1500000000000p)")
    String amount;

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().pledge(amount(amount));
    }
}
