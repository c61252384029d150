package org.hamster.shell.internal.market;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.chain.client.ChainClient;
import org.hamster.common.HamsterException;
import org.hamster.pallet.resourceorder.RentalAgreement;

@Command(scope = "hamster", name = "agreements", description = "Lists the leases (rental agreements) of a tenant "
        + "or, with --provider, of a provider")
@Service
public class AgreementsCommand extends Query {
    @Argument(index = 0, name = "account", required = true, description = "SS58 address")
    String who;

    @Option(name = "--provider", description = "The account is a provider")
    boolean provider;

    @Override
    void run() throws HamsterException {
        List<RentalAgreement> list = ChainClient.await(provider
                ? client.market().agreementsOfProvider(account(who)) : client.market().agreementsOf(account(who)));
        ShellTable t = new ShellTable();
        for (String c : new String[] {"Id", "Status", "Resource", "Start", "End", "Last heartbeat", "Paid in",
            "Settled", "Withdrawn", "Pledge locked", "Tenant", "Provider"}) {
            t.column(c);
        }
        for (RentalAgreement a : list) {
            t.addRow().addContent(a.id(), a.status(), a.resource(), time(a.start()), time(a.end()),
                    time(a.lastHeartbeat()), tokens(a.amount()), tokens(a.settled()), tokens(a.withdrawn()),
                    tokens(a.pledgeLocked()), a.tenant(), a.provider());
        }
        t.print(System.out);
    }
}
