package org.hamster.pallet.gateway;

import org.hamster.chain.spi.ModuleError;

/** Gateway pallet errors, in variant order (the index is what DispatchError::Module carries). */
public enum GatewayError implements ModuleError {
    /** The multiaddr is not valid UTF-8 text in multiaddr syntax, or a component's value is malformed. */
    InvalidMultiaddr,
    /** The multiaddr names a protocol other than ip4, ip6, dns, dns4, dns6, tcp, udp, quic-v1, ws, wss, p2p. */
    UnsupportedProtocol,
    /** The multiaddr does not end with {@code /p2p/<peer id>}. */
    MissingPeerId,
    /** The peer id is not a base58btc identity-multihash Ed25519 key (12D3KooW...) or sha2-256 multihash (Qm...). */
    InvalidPeerId,
    /** The multiaddr is longer than the constant {@code maxMultiaddrLength}. */
    MultiaddrTooLong,
    /** The address can never be dialled: unspecified, multicast or broadcast IP, or port 0. */
    UndialableAddress,
    /** A loopback, private or otherwise non-public host while the chain requires public addresses. */
    NonPublicAddress,
    /** A gateway with this peer id is already registered. */
    GatewayAlreadyRegistered,
    /** The chain already has {@code maxGateways} gateways. */
    TooManyGateways,
    /** The account already has {@code maxGatewaysPerAccount} gateways. */
    TooManyGatewaysForAccount,
    /** The account's free balance cannot cover the gateway bond (keeping the existential deposit). */
    InsufficientBond,
    /** No gateway is registered with this peer id. */
    NotFound,
    /** The gateway belongs to another account. */
    NotOwner,
    /** A forced removal's penalty is above 100 percent. */
    InvalidPenalty;

    @Override
    public String pallet() {
        return GatewayStorage.PALLET;
    }

    @Override
    public int index() {
        return ordinal();
    }
}
