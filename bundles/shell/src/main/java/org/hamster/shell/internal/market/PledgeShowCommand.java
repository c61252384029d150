package org.hamster.shell.internal.market;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.common.HamsterException;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.resourceorder.PledgeInfo;

@Command(scope = "hamster", name = "pledge-show", description = "Shows a provider's pledge (total and locked by "
        + "leases), its statistics and any refund credited to the account")
@Service
public class PledgeShowCommand extends Query {
    @Argument(index = 0, name = "account", required = true, description = "SS58 address")
    String who;

    @Override
    void run() throws HamsterException {
        AccountId id = account(who);
        PledgeInfo p = ChainClient.await(client.market().pledge(id));
        ProviderStatistics s = ChainClient.await(client.market().providerStats(id));
        System.out.printf("Account   %s%n", id);
        System.out.printf("Pledge    %s (locked %s, free %s)%n", tokens(p.total()), tokens(p.locked()),
                tokens(p.total().subtract(p.locked())));
        System.out.printf("Rentals   %d leases, %d hours rented, %d faults%n", s.rentals(), s.rentedHours(), s.faults());
        System.out.printf("Refund    %s%n", tokens(ChainClient.await(client.market().refund(id))));
    }
}
