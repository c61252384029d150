package org.hamster.provider.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.common.HamsterException;
import org.hamster.provider.ProviderAccount;

@Command(scope = "hamster", name = "provider-account", description = "The provider's account: balance, pledge, "
        + "rent to withdraw per agreement")
@Service
public class ProviderAccountCommand extends ManagementCommand {
    @Override
    void run() throws HamsterException {
        ProviderAccount a = management.account();
        int d = management.tokenDecimals();
        System.out.println("Account:       " + a.address());
        System.out.println("Free balance:  " + ham(a.free(), d));
        System.out.println("Pledge:        " + ham(a.pledgeTotal(), d) + " (locked " + ham(a.pledgeLocked(), d)
                + ", free " + ham(a.pledgeFree(), d) + ")");
        System.out.println("Withdrawable:  " + ham(a.withdrawable(), d));
        if (!a.earnings().isEmpty()) {
            ShellTable t = new ShellTable();
            t.column("Agreement");
            t.column("Resource");
            t.column("Status");
            t.column("Withdrawable");
            a.earnings().forEach(e -> t.addRow().addContent(e.agreement(), e.resource(), e.status(),
                    ham(e.withdrawable(), d)));
            t.print(System.out);
        }
    }
}
