package org.hamster.webconsole.internal;

import java.util.List;
import org.hamster.provider.LeaseView;
import org.hamster.provider.Provider;
import org.hamster.provider.ProviderStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The provider role: who it is, its backends and the leases it serves. */
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
        List<LeaseView> leases = provider.leases();
        html.table("Provider")
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
