package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.client.Market;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "refund-claim", description = "Pays the tenant the refunds credited to it (unserved rent and slashed pledge after a fault)")
@Service
public class RefundClaimCommand extends SignedCall {

    @Override
    byte[] call(Market market) throws HamsterException {
        return market.calls().claimRefund();
    }
}
