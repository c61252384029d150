package org.hamster.gateway.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hamster.gateway.Gateway;
import org.hamster.gateway.PeerView;

@Command(scope = "hamster", name = "gateway-peers", description = "Connections of the gateway, with bytes and relay reservations")
@Service
public class GatewayPeersCommand implements Action {
    @Reference
    Gateway gateway;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Peer");
        t.column("Address");
        t.column("Dir");
        t.column("Streams").alignRight();
        t.column("In").alignRight();
        t.column("Out").alignRight();
        t.column("Reserved until");
        for (PeerView p : gateway.peers()) {
            t.addRow().addContent(p.peerId(), p.address(), p.direction(), p.streams(), Bytes.human(p.bytesIn()),
                    Bytes.human(p.bytesOut()), p.reservationExpiry() == null ? "-" : p.reservationExpiry());
        }
        t.print(System.out);
        return null;
    }
}
