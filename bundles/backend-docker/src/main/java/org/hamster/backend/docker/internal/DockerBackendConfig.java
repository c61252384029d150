package org.hamster.backend.docker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Docker compute backend (PID org.hamster.backend.docker, etc/org.hamster.backend.docker.cfg). */
@ObjectClassDefinition(name = "Hamster Docker backend", description = "One container per lease, SSH on 127.0.0.1")
public @interface DockerBackendConfig {
    @AttributeDefinition(description = "Unix socket of this host's Docker Engine API: unix:///path (Docker, or "
            + "Podman's Docker-compatible socket)")
    String dockerHost() default "unix:///var/run/docker.sock";

    @AttributeDefinition(description = "Image every machine starts from; it must run an SSH server on "
            + "127.0.0.1:$HAMSTER_SSH_PORT accepting root's /root/.ssh/authorized_keys")
    String image() default "hamster/ssh-base:1";

    @AttributeDefinition(description = "Seconds create and start wait for the machine's SSH server to answer")
    int sshTimeoutSeconds() default 60;

    @AttributeDefinition(description = "Seconds to connect to the daemon and to wait for each answer")
    int apiTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Seconds a stopping machine gets after SIGTERM before it is killed")
    int stopTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Processes a machine may run at once (0 = no limit)")
    long pidsLimit() default 4096;

    @AttributeDefinition(description = "Apply the lease's disk size to the container's writable layer (storage "
            + "option size); needs a storage driver with quotas, e.g. overlay2 on xfs mounted with pquota")
    boolean diskLimit() default false;
}
