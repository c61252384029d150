package org.hamster.webconsole.internal;

import java.util.List;
import org.hamster.gateway.Bandwidth;
import org.hamster.gateway.Gateway;
import org.hamster.gateway.GatewayStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The gateway role: its on-chain registration, relay load, traffic and connected peers. */
@Component(service = Section.class)
public final class GatewaySection extends RoleSection {
    private final Gateway gateway;

    @Activate
    public GatewaySection(@Reference Gateway gateway) {
        super(10, "gateway");
        this.gateway = gateway;
    }

    /** A byte count with thousands separators, e.g. 1,234,567 B. */
    static String bytes(long count) {
        return String.format(java.util.Locale.ROOT, "%,d B", count);
    }

    @Override
    public void render(Html html) {
        GatewayStatus s = gateway.status();
        GatewayStatus.Registration r = s.registration();
        Bandwidth b = gateway.bandwidth();
        html.table("Gateway")
                .row("Peer id", s.peerId())
                .row("Public address", s.publicAddress())
                .row("Account", s.account())
                .row("Registration", r.state() + ": " + r.detail())
                .row("Last heartbeat", r.lastHeartbeat() + " (" + r.heartbeats() + " since start)")
                .row("Reservations / circuits", s.reservations() + " / " + s.circuits())
                .row("Traffic in / out", bytes(b.totalIn()) + " / " + bytes(b.totalOut()))
                .row("Rate in / out", bytes(b.rateIn()) + "/s / " + bytes(b.rateOut()) + "/s")
                .row("Relayed", bytes(b.relayedTotal()))
                .row("Started", s.started())
                .end();
        html.grid("Gateway peers", List.of("Peer", "Address", "Direction", "Streams", "In", "Out"),
                gateway.peers().stream().map(p -> List.<Object>of(p.peerId(), p.address(),
                        p.direction() + (p.relayed() ? " (relayed)" : ""), p.streams(), bytes(p.bytesIn()),
                        bytes(p.bytesOut()))).toList());
    }
}
