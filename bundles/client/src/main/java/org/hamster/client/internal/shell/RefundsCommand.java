package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.client.ClientException;
import org.hamster.client.Refunds;

@Command(scope = "hamster", name = "refunds", description = "What the chain owes you after a provider's fault; "
        + "--claim collects it")
@Service
public class RefundsCommand extends ClientCommand {
    @Option(name = "--claim", description = "Collect the claimable refunds")
    boolean claim;

    @Override
    void run() throws ClientException {
        Refunds r = client.refunds();
        System.out.println("Claimable:           " + r.claimable().text());
        System.out.println("Punished agreements: " + (r.punishedAgreements().isEmpty() ? "none"
                : r.punishedAgreements()));
        if (claim) {
            System.out.println("Claimed:             " + client.claimRefunds().text());
        }
    }
}
