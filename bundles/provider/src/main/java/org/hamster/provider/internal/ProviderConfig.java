package org.hamster.provider.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the provider role (PID org.hamster.provider, etc/org.hamster.provider.cfg). */
@ObjectClassDefinition(name = "Hamster provider", description = "Leases this machine's capacity on the market")
public @interface ProviderConfig {
    @AttributeDefinition(description = "Keystore account name that pledges, registers resources and signs")
    String account() default "";

    @AttributeDefinition(description = "File with the account's keystore password (readable by Karaf only)")
    String passwordFile() default "";

    @AttributeDefinition(description = "Keystore directory; empty = ${karaf.data}/hamster/keystore")
    String keystoreDir() default "";

    @AttributeDefinition(description = "Directory of p2p-provider.key; empty = ${karaf.data}/hamster/p2p")
    String identityDir() default "";

    @AttributeDefinition(description = "Directory of the lease table; empty = ${karaf.data}/hamster/provider")
    String dataDir() default "";

    @AttributeDefinition(description = "libp2p listen multiaddr")
    String listenAddress() default "/ip4/127.0.0.1/tcp/4002";

    @AttributeDefinition(description = "Reserve a slot on every gateway of the chain's bootstrap list")
    boolean useGateways() default true;

    @AttributeDefinition(description = "Backend for new leases: docker or kvm")
    String backend() default "docker";

    @AttributeDefinition(description = "First port of the 127.0.0.1 range the machines' SSH servers use")
    int sshPortFrom() default 22000;

    @AttributeDefinition(description = "Last port of that range (one port per lease)")
    int sshPortTo() default 22999;

    @AttributeDefinition(description = "Resource registered on start when this account has none for this peer id: "
            + "vCPUs (0 = do not register automatically)")
    int cpus() default 0;

    @AttributeDefinition(description = "Memory per machine in GiB")
    long memoryGiB() default 1;

    @AttributeDefinition(description = "Disk per machine in GiB")
    long diskGiB() default 10;

    @AttributeDefinition(description = "Operating system shown on the market")
    String system() default "Debian 12";

    @AttributeDefinition(description = "CPU model shown on the market; empty = from /proc/cpuinfo")
    String cpuModel() default "";

    @AttributeDefinition(description = "Price per hour in HAM (decimal, up to 12 places)")
    String pricePerHour() default "1";

    @AttributeDefinition(description = "Hours the resource can be rented for from registration")
    long rentableHours() default 720;

    @AttributeDefinition(description = "Seconds between heartbeats of a lease; the chain's tolerance is 900 s on "
            + "the development chain")
    int heartbeatIntervalSeconds() default 300;

    @AttributeDefinition(description = "Seconds between full comparisons of chain and machines (new blocks also "
            + "trigger one)")
    int reconcileSeconds() default 10;
}
