package org.hamster.client.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the client role (PID org.hamster.client, etc/org.hamster.client.cfg). */
@ObjectClassDefinition(name = "Hamster client", description = "The tenant: buys machines and links to them")
public @interface ClientConfig {
    @AttributeDefinition(description = "Keystore account name that buys, renews and signs link requests "
            + "(hamster:key-import); empty = none until one is unlocked")
    String account() default "";

    @AttributeDefinition(description = "File with the account's keystore password (readable by Karaf only); empty = "
            + "unlock at run time (hamster:client-unlock, POST /hamster/api/client/unlock)")
    String passwordFile() default "";

    @AttributeDefinition(description = "Keystore directory; empty = ${karaf.data}/hamster/keystore")
    String keystoreDir() default "";

    @AttributeDefinition(description = "SSH public key for new orders: an OpenSSH key line or the path of a file "
            + "holding one")
    String sshPublicKey() default "";

    @AttributeDefinition(description = "The matching private key file, only for the printed ssh -i command")
    String sshPrivateKeyPath() default "";

    @AttributeDefinition(description = "Gateways tried first for relayed links, comma-separated: multiaddrs ending "
            + "in /p2p/<peer id>, or peer ids of gateways on the chain's bootstrap list")
    String preferredGateways() default "";

    @AttributeDefinition(description = "Directory of p2p-client.key; empty = ${karaf.data}/hamster/p2p")
    String identityDir() default "";

    @AttributeDefinition(description = "Milliseconds a direct connection to a provider may take before its "
            + "gateways are used")
    int directTimeoutMs() default 3000;

    @AttributeDefinition(description = "Milliseconds a route through one gateway may take before the next is tried")
    int relayTimeoutMs() default 10000;

    @AttributeDefinition(description = "Seconds an unreachable direct address or a failed gateway is skipped")
    int retryAfterSeconds() default 60;

    @AttributeDefinition(description = "Seconds a new connection through a link retries its routes (every second) "
            + "when none works, before it is closed: a provider that just started reserves on its gateways within ~10 s")
    int routeWaitSeconds() default 20;
}
