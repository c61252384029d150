package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.client.LinkView;

@Command(scope = "hamster", name = "links", description = "Open links: port, route (direct or which gateway), "
        + "connections, bytes, the ssh command")
@Service
public class LinksCommand extends ClientCommand {
    @Override
    void run() {
        ShellTable t = table("Agreement", "Port", "Route", "Gateway", "Active", "Total", "Failed", "Sent", "Received",
                "SSH command", "Last error");
        for (LinkView l : client.links()) {
            t.addRow().addContent(l.agreement(), l.port(), l.route(), l.gateway() == null ? "" : l.gateway(),
                    l.active(), l.connections(), l.failed(), l.bytesToMachine(), l.bytesFromMachine(), l.sshCommand(),
                    l.lastError() == null ? "" : l.lastError());
        }
        t.print(System.out);
    }
}
