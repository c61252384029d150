package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;
import org.hamster.provider.ActionResult;

@Command(scope = "hamster", name = "provider-withdraw", description = "Withdraws the rent earned on one agreement, "
        + "or on every agreement that has some")
@Service
public class ProviderWithdrawCommand extends ManagementCommand {
    @Argument(index = 0, name = "agreement", description = "Agreement id (default: all with rent to withdraw)")
    Long agreement;

    @Override
    void run() throws HamsterException {
        List<ActionResult> done = agreement == null ? management.withdrawEarnings()
                : List.of(management.withdrawEarnings(agreement));
        if (done.isEmpty()) {
            System.out.println("No agreement has rent to withdraw");
        }
        print(done);
    }
}
