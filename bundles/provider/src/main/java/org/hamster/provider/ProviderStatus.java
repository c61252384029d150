package org.hamster.provider;

import java.time.Instant;
import java.util.List;

/**
 * @param peerId the provider's libp2p peer id (registered with its resources)
 * @param account the SS58 address it signs with, null without one
 * @param listenAddresses where tenants reach it directly, and through which gateways ({@code /p2p-circuit})
 * @param backend the backend new leases go to
 * @param backends the backends installed now
 * @param lastReconcile when the chain and the machines were last compared successfully, null before
 * @param detail a sentence for people on how it is doing
 */
public record ProviderStatus(String peerId, String account, List<String> listenAddresses, String backend,
        List<String> backends, Instant lastReconcile, String detail) {
    public ProviderStatus {
        listenAddresses = List.copyOf(listenAddresses);
        backends = List.copyOf(backends);
    }
}
