package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "provider-pledge", description = "Adds to the provider's pledge (reserved; "
        + "locked 1:1 with each lease)")
@Service
public class ProviderPledgeCommand extends AmountCommand {
    @Override
    void run() throws HamsterException {
        print(List.of(management.pledge(amount(amount))));
    }
}
