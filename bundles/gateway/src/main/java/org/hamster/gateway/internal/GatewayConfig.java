package org.hamster.gateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the gateway role (PID org.hamster.gateway, etc/org.hamster.gateway.cfg). */
@ObjectClassDefinition(name = "Hamster gateway", description = "libp2p relay and bootstrap node registered on chain")
public @interface GatewayConfig {
    @AttributeDefinition(description = "Multiaddr to listen on, e.g. /ip4/0.0.0.0/tcp/4001")
    String listenAddress() default "/ip4/127.0.0.1/tcp/4001";

    @AttributeDefinition(description = "Multiaddr registered on chain (ip4/ip6/dns + tcp, without /p2p); empty = the"
            + " bound listen address")
    String publicAddress() default "";

    @AttributeDefinition(description = "Directory of the p2p identity key file p2p-gateway.key; empty = "
            + "${karaf.data}/hamster/p2p")
    String identityDir() default "";

    @AttributeDefinition(description = "Keystore account name (hamster:key-import) that registers and bonds the "
            + "gateway; empty = relay only, not registered on chain")
    String account() default "";

    @AttributeDefinition(description = "File holding the keystore password of the account (one line, readable by "
            + "the Karaf user only)")
    String passwordFile() default "";

    @AttributeDefinition(description = "Keystore directory; empty = ${karaf.data}/hamster/keystore (where "
            + "hamster:key-import puts keys)")
    String keystoreDir() default "";

    @AttributeDefinition(description = "Seconds between heartbeats; keep well below the chain's heartbeat "
            + "tolerance (900 s on the development chain)")
    int heartbeatIntervalSeconds() default 300;

    @AttributeDefinition(description = "Seconds before retrying when the chain cannot be reached or refused a call")
    int retrySeconds() default 15;

    @AttributeDefinition(description = "Relay: reservations held at once")
    int maxReservations() default 128;

    @AttributeDefinition(description = "Relay: reservations held at once by peers from one IP address")
    int maxReservationsPerIp() default 16;

    @AttributeDefinition(description = "Relay: seconds a reservation lasts before the peer refreshes it")
    long reservationTtlSeconds() default 3600;

    @AttributeDefinition(description = "Relay: circuits open at once")
    int maxCircuits() default 64;

    @AttributeDefinition(description = "Relay: circuits open at once to or from one peer")
    int maxCircuitsPerPeer() default 8;

    @AttributeDefinition(description = "Relay: seconds a circuit may stay open (SSH sessions live that long)")
    long circuitDurationSeconds() default 3600;

    @AttributeDefinition(description = "Relay: bytes each direction of a circuit may carry")
    long circuitDataBytes() default 68_719_476_736L;

    @AttributeDefinition(description = "Seconds of per-second bandwidth history kept for charts")
    int bandwidthHistorySeconds() default 300;
}
