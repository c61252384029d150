package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.client.AgreementView;
import org.hamster.client.ClientException;

@Command(scope = "hamster", name = "resources", description = "Your leases: remaining time, provider, link")
@Service
public class ResourcesCommand extends ClientCommand {
    @Override
    void run() throws ClientException {
        ShellTable t = table("Agreement", "Status", "Resource", "Remaining", "Ends", "Price/hour", "Paid", "Link",
                "Provider peer");
        for (AgreementView a : client.resources()) {
            t.addRow().addContent(a.id(), a.status(), a.resource(), duration(a.remainingSeconds()), a.end(),
                    a.pricePerHour().text(), a.paid().text(), a.link() == null ? "" : "127.0.0.1:" + a.link().port(),
                    a.peerId() == null ? "" : a.peerId());
        }
        t.print(System.out);
    }
}
