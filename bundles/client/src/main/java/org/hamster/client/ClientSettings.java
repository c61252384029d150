package org.hamster.client;

import java.util.List;

/**
 * What a tenant sets. In {@link Client#updateSettings} a null leaves a setting as it is and an empty value clears
 * it (the chain URL cannot be cleared).
 *
 * @param chainUrl the node's JSON-RPC WebSocket URL, ws:// or wss:// (shared with every role of this Karaf: the
 *     chain client's {@code url}, default {@code ws://127.0.0.1:9944})
 * @param account the keystore account name that buys, renews and signs link requests (import one with
 *     {@code hamster:key-import})
 * @param sshPublicKey the key put on machines bought without one: an OpenSSH public key line, or the path of a
 *     file holding one
 * @param sshPrivateKeyPath the matching private key file, used only to print the {@code ssh -i} command
 * @param preferredGateways gateways tried first for relayed links, before the chain's bootstrap list: multiaddrs
 *     ending in {@code /p2p/<peer id>}, or bare peer ids of gateways on that list
 */
public record ClientSettings(String chainUrl, String account, String sshPublicKey, String sshPrivateKeyPath,
        List<String> preferredGateways) {
    public ClientSettings {
        preferredGateways = preferredGateways == null ? null : List.copyOf(preferredGateways);
    }
}
