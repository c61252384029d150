package org.hamster.gateway;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** A running gateway: what it is, who is connected, which circuits it relays and how many bytes flow. */
@ProviderType
public interface Gateway {
    GatewayStatus status();

    /** Open connections, one entry per connection, with the bytes each carried. */
    List<PeerView> peers();

    /** Open relayed circuits with their bytes and current rates. */
    List<CircuitView> circuits();

    /** Totals, current rates and the recent per-second history. */
    Bandwidth bandwidth();
}
