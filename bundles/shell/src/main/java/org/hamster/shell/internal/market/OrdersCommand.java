package org.hamster.shell.internal.market;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.chain.client.ChainClient;
import org.hamster.common.HamsterException;
import org.hamster.pallet.resourceorder.Order;

@Command(scope = "hamster", name = "orders-of", description = "Lists the orders of any tenant (or, with --provider, "
        + "the orders placed on a provider's machines)")
@Service
public class OrdersCommand extends Query {
    @Argument(index = 0, name = "account", required = true, description = "SS58 address")
    String who;

    @Option(name = "--provider", description = "The account is a provider")
    boolean provider;

    @Override
    void run() throws HamsterException {
        List<Order> list = ChainClient.await(provider ? client.market().ordersOfProvider(account(who))
                : client.market().ordersOf(account(who)));
        ShellTable t = new ShellTable();
        for (String c : new String[] {"Id", "Status", "Resource", "Hours", "Amount", "Renewal of", "Created",
            "Tenant", "Provider"}) {
            t.column(c);
        }
        for (Order o : list) {
            t.addRow().addContent(o.id(), o.status(), o.resource(), o.hours(), tokens(o.amount()),
                    o.renewal() && o.agreement() != null ? o.agreement() : "", time(o.createdAt()), o.tenant(),
                    o.provider());
        }
        t.print(System.out);
    }
}
