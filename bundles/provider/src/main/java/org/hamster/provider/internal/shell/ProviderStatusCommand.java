package org.hamster.provider.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.provider.Provider;
import org.hamster.provider.ProviderStatus;

@Command(scope = "hamster", name = "provider-status", description = "The provider: its state (RUNNING, or why not "
        + "and what to set), peer id, account, addresses, backends, how it is doing")
@Service
public class ProviderStatusCommand implements Action {
    @Reference
    Provider provider;

    @Override
    public Object execute() {
        ProviderStatus s = provider.status();
        System.out.println("State:           " + s.state());
        if (!s.running()) {
            System.out.println("Reason:          " + s.reason());
        } else {
            System.out.println("Peer id:         " + s.peerId());
            System.out.println("Account:         " + s.account());
            System.out.println("Reachable at:    " + String.join(", ", s.listenAddresses()));
        }
        System.out.println("New leases on:   " + s.backend() + (s.backends().contains(s.backend()) ? ""
                : " (NOT INSTALLED: feature:install hamster-backend-" + s.backend() + ")"));
        System.out.println("Backends:        " + (s.backends().isEmpty() ? "none" : String.join(", ", s.backends())));
        if (s.running()) {
            System.out.println("Last reconcile:  " + (s.lastReconcile() == null ? "-" : s.lastReconcile()));
            System.out.println("Detail:          " + s.detail());
        }
        return null;
    }
}
