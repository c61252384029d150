package org.hamster.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Hamster REST API",
        description = "Publishes JAX-RS resources registered with hamster.rest.path under /hamster/api, "
                + "for loopback clients with the bearer token only")
@interface RestConfig {
    @AttributeDefinition(description = "File that holds the API token; empty means ${karaf.data}/hamster/api.token. "
            + "A relative path is resolved against ${karaf.data}. Created (mode 0600, random 32 bytes) if missing")
    String tokenFile() default "";
}
