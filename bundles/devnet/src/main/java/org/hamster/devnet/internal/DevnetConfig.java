package org.hamster.devnet.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the development network set-up (PID org.hamster.devnet, etc/org.hamster.devnet.cfg). */
@ObjectClassDefinition(name = "Hamster development network",
        description = "Gives this instance's gateway, provider and client roles development accounts")
public @interface DevnetConfig {
    @AttributeDefinition(description = "Secret URI of the gateway's account (a prefunded development account)")
    String gatewayUri() default "//Dave";

    @AttributeDefinition(description = "Secret URI of the provider's account")
    String providerUri() default "//Bob";

    @AttributeDefinition(description = "Secret URI of the tenant's (client's) account")
    String tenantUri() default "//Charlie";

    @AttributeDefinition(description = "HAM the provider keeps pledged (topped up on start)")
    String pledge() default "1000";

    @AttributeDefinition(description = "Compute backend: auto (Docker if its socket exists, else KVM), docker, kvm "
            + "or none")
    String backend() default "auto";

    @AttributeDefinition(description = "The Docker daemon's socket, probed by auto")
    String dockerSocket() default "/var/run/docker.sock";

    @AttributeDefinition(description = "libvirtd's socket, probed by auto")
    String libvirtSocket() default "/var/run/libvirt/libvirt-sock";
}
