package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.client.ClientException;
import org.hamster.client.OrderView;

@Command(scope = "hamster", name = "orders", description = "Your orders, newest first")
@Service
public class OrdersCommand extends ClientCommand {
    @Override
    void run() throws ClientException {
        ShellTable t = table("Id", "State", "Resource", "Hours", "Amount", "Renews", "Agreement", "Created");
        for (OrderView o : client.orders()) {
            t.addRow().addContent(o.id(), o.state(), o.resource(), o.hours(), o.amount().text(), o.renewal() ? "yes"
                    : "", o.agreement() == null ? "" : o.agreement(), o.createdAt());
        }
        t.print(System.out);
    }
}
