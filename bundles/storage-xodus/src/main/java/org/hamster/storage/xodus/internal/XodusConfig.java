package org.hamster.storage.xodus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Hamster Xodus storage",
        description = "The on-disk key-value database of the chain (PID org.hamster.storage.xodus)")
@interface XodusConfig {

    @AttributeDefinition(name = "Path",
            description = "Directory of the database; ${name} is replaced by the system property 'name'"
                    + " (karaf.data defaults to ./data). Created if missing.")
    String path() default "${karaf.data}/hamster/chain";

    @AttributeDefinition(name = "Durable writes",
            description = "fsync every commit, so that a committed block survives a crash of the machine or"
                    + " kill -9. Only switch off for throw-away dev chains.")
    boolean durableWrite() default true;

    @AttributeDefinition(name = "Cache percent",
            description = "Share of the JVM's maximum heap (1-90) used by Xodus's log cache")
    int cachePercent() default 20;
}
