package org.hamster.gateway.internal;

import org.hamster.common.HamsterException;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.MultiaddrProtocol;
import org.hamster.rest.ConfigSettings;
import org.hamster.rest.RestApi;
import org.hamster.rest.SettingsResource;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The gateway's settings at {@code /hamster/api/gateway/settings} ({@code GET}, {@code PUT} of any subset): the
 * account (how a gateway joins the chain's bootstrap list), public address, timings and relay limits of
 * {@value GatewayComponent#PID}, stored through configuration admin.
 * Apart from the role, so it answers while the gateway restarts with the new values (or cannot start).
 */
@Component(service = GatewaySettingsResource.class, property = RestApi.PATH_PROPERTY + "=/gateway/settings")
public final class GatewaySettingsResource extends SettingsResource {
    public static final ConfigSettings SETTINGS = ConfigSettings.of(GatewayComponent.PID, GatewayConfig.class)
            .readOnly("listenAddress")
            .note("Saving restarts the gateway role with the new values (a few seconds): relayed connections and "
                    + "reservations drop (peers reserve again), and it deregisters and registers again on chain. "
                    + "Without an account it relays but is not on the chain's bootstrap list; the account is a "
                    + "keystore account (hamster:key-import), the password file holds its password on its first line.")
            .signingAccount("account", "passwordFile")
            .text("publicAddress", GatewaySettingsResource::publicAddress)
            .atLeast(10, "heartbeatIntervalSeconds")
            .atLeast(1, "retrySeconds", "maxReservations", "maxReservationsPerIp", "reservationTtlSeconds",
                    "maxCircuits", "maxCircuitsPerPeer", "circuitDurationSeconds", "circuitDataBytes",
                    "bandwidthHistorySeconds")
            .build();

    @Activate
    public GatewaySettingsResource(@Reference ConfigurationAdmin admin) {
        super(SETTINGS, admin);
    }

    /** Empty (the bound listen address), or ip4/ip6/dns then tcp, without /p2p. */
    static String publicAddress(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            Multiaddr m = Multiaddr.parse(text);
            boolean host = m.has(MultiaddrProtocol.IP4) || m.has(MultiaddrProtocol.IP6) || m.has(MultiaddrProtocol.DNS)
                    || m.has(MultiaddrProtocol.DNS4) || m.has(MultiaddrProtocol.DNS6);
            if (host && m.has(MultiaddrProtocol.TCP) && !m.has(MultiaddrProtocol.P2P) && !m.isRelayed()) {
                return null;
            }
        } catch (HamsterException | RuntimeException e) {
            // said below
        }
        return "'" + text + "' is not an address such as /ip4/203.0.113.7/tcp/4001 or /dns/gw.example.org/tcp/4001"
                + " (ip4, ip6 or dns, then tcp; without /p2p, which is added)";
    }
}
