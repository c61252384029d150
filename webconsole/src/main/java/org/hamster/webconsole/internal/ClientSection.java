package org.hamster.webconsole.internal;

import java.util.List;
import org.hamster.client.Client;
import org.hamster.client.ClientStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The client (tenant) role: its account, balance and open links. */
@Component(service = Section.class)
public final class ClientSection extends RoleSection {
    private final Client client;

    @Activate
    public ClientSection(@Reference Client client) {
        super(30, "client");
        this.client = client;
    }

    @Override
    public void render(Html html) {
        ClientStatus s = client.status();
        ClientStatus.Balance b = s.balance();
        html.table("Client")
                .row("Account", s.account() == null ? null : s.account() + " " + s.address())
                .row("Unlocked", s.unlocked() ? "yes" : "no")
                .row("Balance (free / reserved)", b == null ? null : b.free().text() + " / " + b.reserved().text())
                .row("Node", s.chainUrl() + (s.chainConnected() ? " (connected)" : " (not connected)"))
                .row("Peer id", s.peerId())
                .row("Links", s.links())
                .row("Status", s.detail())
                .end();
        html.grid("Client links", List.of("Agreement", "Port", "Route", "Connections", "Active", "SSH"),
                client.links().stream().map(l -> List.<Object>of(l.agreement(), l.port(), l.route(), l.connections(),
                        l.active(), l.sshCommand())).toList());
    }
}
