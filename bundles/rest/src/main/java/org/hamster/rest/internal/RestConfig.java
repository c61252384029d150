package org.hamster.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Hamster REST API",
        description = "Publishes JAX-RS resources registered with hamster.rest.path under /hamster/api, "
                + "for loopback clients with the bearer token only (GETs of hamster.rest.public resources without "
                + "it); POST /hamster/api/login gives the token to a user of the login realm")
@interface RestConfig {
    @AttributeDefinition(description = "File that holds the API token; empty means ${karaf.data}/hamster/api.token. "
            + "A relative path is resolved against ${karaf.data}. Created (mode 0600, random 32 bytes) if missing")
    String tokenFile() default "";

    @AttributeDefinition(description = "JAAS realm that POST /hamster/api/login checks user names and passwords "
            + "against; Karaf's realm karaf holds the users of etc/users.properties")
    String loginRealm() default "karaf";

    @AttributeDefinition(description = "Role a user needs to get the API token from /hamster/api/login; empty "
            + "means any user of the realm")
    String loginRole() default "admin";
}
