package org.hamster.provider.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.provider.LeaseView;
import org.hamster.provider.Provider;
import org.hamster.provider.ProviderStatus;

@Command(scope = "hamster", name = "provider-leases", description = "Leases this provider serves and their machines")
@Service
public class ProviderLeasesCommand implements Action {
    @Reference
    Provider provider;

    @Override
    public Object execute() throws CommandException {
        ProviderStatus s = provider.status();
        if (!s.running()) {
            throw new CommandException("The provider is " + s.state() + ": " + s.reason());
        }
        ShellTable t = new ShellTable();
        for (String c : new String[] {"Lease", "Order", "Agreement", "Resource", "Tenant", "Backend", "SSH port",
            "Machine"}) {
            t.column(c);
        }
        for (LeaseView l : provider.leases()) {
            t.addRow().addContent(l.leaseId(), l.order(), l.agreement() < 0 ? "-" : l.agreement(), l.resource(),
                    l.tenant().isEmpty() ? "-" : l.tenant(), l.backend(), l.sshPort(), l.machineState());
        }
        t.print(System.out);
        return null;
    }
}
