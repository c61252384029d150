package org.hamster.gateway.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.gateway.CircuitView;
import org.hamster.gateway.Gateway;

@Command(scope = "hamster", name = "gateway-circuits", description = "Circuits the gateway relays now, with bytes and rates each way")
@Service
public class GatewayCircuitsCommand implements Action {
    @Reference
    Gateway gateway;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Id").alignRight();
        t.column("Source");
        t.column("Target");
        t.column("Opened");
        t.column("To target").alignRight();
        t.column("To source").alignRight();
        t.column("Rate to target").alignRight();
        t.column("Rate to source").alignRight();
        for (CircuitView c : gateway.circuits()) {
            t.addRow().addContent(c.id(), c.source(), c.target(), c.opened(), Bytes.human(c.bytesToTarget()),
                    Bytes.human(c.bytesToSource()), Bytes.human(c.rateToTarget()) + "/s",
                    Bytes.human(c.rateToSource()) + "/s");
        }
        t.print(System.out);
        return null;
    }
}
