package org.hamster.gateway.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.gateway.Gateway;
import org.hamster.gateway.GatewayStatus;

@Command(scope = "hamster", name = "gateway-status", description = "The gateway: peer id, addresses, on-chain registration, relay load")
@Service
public class GatewayStatusCommand implements Action {
    @Reference
    Gateway gateway;

    @Override
    public Object execute() {
        GatewayStatus s = gateway.status();
        GatewayStatus.Registration r = s.registration();
        System.out.println("Peer id:       " + s.peerId());
        System.out.println("Listening on:  " + String.join(", ", s.listenAddresses()));
        System.out.println("Announced:     " + s.publicAddress());
        System.out.println("Account:       " + (s.account() == null ? "-" : s.account()));
        System.out.println("Registration:  " + r.state() + " - " + r.detail());
        System.out.println("Heartbeats:    " + r.heartbeats() + (r.lastHeartbeat() == null ? ""
                : ", last at " + r.lastHeartbeat()));
        System.out.println("Reservations:  " + s.reservations());
        System.out.println("Circuits:      " + s.circuits());
        System.out.println("Up since:      " + s.started());
        return null;
    }
}
