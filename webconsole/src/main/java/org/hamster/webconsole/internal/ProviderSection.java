package org.hamster.webconsole.internal;

import java.util.List;
import org.hamster.provider.LeaseView;
import org.hamster.provider.Provider;
import org.hamster.provider.ProviderStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The provider role: its state, who it is, its backends and the leases it serves; or why it does not run. */
@Component(service = Section.class)
public final class ProviderSection extends RoleSection {
    private final Provider provider;

    @Activate
    public ProviderSection(@Reference Provider provider) {
        super(20, "provider");
        this.provider = provider;
    }

    @Override
    public void render(Html html) {
        ProviderStatus s = provider.status();
        if (!s.running()) {
            html.table("Provider")
                    .row("State", s.state())
                    .row("Reason", s.reason())
                    .row("Backend", s.backend() + " (installed: " + String.join(", ", s.backends()) + ")")
                    .end();
            html.paragraph("statline", "Not running: no p2p host, no reconciling or heartbeats, no chain calls until "
                    + "the reason above is fixed (the web UI's provider settings, hamster:provider-settings or "
                    + "etc/org.hamster.provider.cfg).");
            return;
        }
        List<LeaseView> leases = provider.leases();
        html.table("Provider")
                .row("State", s.state())
                .row("Peer id", s.peerId())
                .row("Account", s.account())
                .row("Backend", s.backend() + " (installed: " + String.join(", ", s.backends()) + ")")
                .row("Last reconcile", s.lastReconcile())
                .row("Status", s.detail())
                .row("Leases", leases.size())
                .end();
        html.grid("Provider leases", List.of("Lease", "Order", "Agreement", "Resource", "Tenant", "Machine", "SSH port"),
                leases.stream().map(l -> List.<Object>of(l.leaseId(), l.order(), l.agreement(), l.resource(),
                        l.tenant(), l.backend() + " " + l.machineState(), l.sshPort())).toList());
    }
}
