package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "provider-pledge-withdraw", description = "Returns free pledge to the "
        + "provider's balance")
@Service
public class ProviderPledgeWithdrawCommand extends AmountCommand {
    @Override
    void run() throws HamsterException {
        print(List.of(management.withdrawPledge(amount(amount))));
    }
}
