package org.hamster.client.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.client.ClientSettings;
import org.hamster.client.ClientStatus;

@Command(scope = "hamster", name = "client-status", description = "The tenant: account, balance, node, settings")
@Service
public class ClientStatusCommand extends ClientCommand {
    @Override
    void run() {
        ClientStatus s = client.status();
        ClientSettings c = client.settings();
        System.out.println("Account:       " + (s.account() == null ? "-" : s.account() + " " + (s.address() == null
                ? "" : s.address()) + (s.unlocked() ? " (unlocked)" : " (locked)")));
        if (s.balance() != null) {
            System.out.println("Balance:       " + s.balance().free().text() + " free, " + s.balance().transferable()
                    .text() + " transferable, " + s.balance().reserved().text() + " reserved");
        }
        System.out.println("Node:          " + s.chainUrl() + (s.chainConnected() ? " (connected)"
                : " (not connected)"));
        System.out.println("Peer id:       " + s.peerId());
        System.out.println("Links:         " + s.links());
        System.out.println("SSH key:       " + (c.sshPublicKey().isBlank() ? "-" : c.sshPublicKey()));
        System.out.println("Gateways:      " + (c.preferredGateways().isEmpty() ? "the chain's bootstrap list"
                : String.join(", ", c.preferredGateways()) + ", then the chain's bootstrap list"));
        System.out.println("Status:        " + s.detail());
    }
}
