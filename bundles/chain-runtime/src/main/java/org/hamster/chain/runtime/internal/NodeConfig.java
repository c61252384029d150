package org.hamster.chain.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Hamster chain node", description = "Block production and runtime of the node role")
@interface NodeConfig {
    @AttributeDefinition(description = "'dev' (built in) or the path of a chain spec JSON file")
    String chainSpec() default "dev";

    @AttributeDefinition(description = "'instant': a block as soon as a transaction is ready (and every "
            + "blockTimeMs when idle); 'interval': a block every blockTimeMs")
    String sealing() default "instant";

    @AttributeDefinition(description = "Block time in ms; 0 takes the chain spec's runtime.blockTimeMs")
    long blockTimeMs() default 0;

    @AttributeDefinition(description = "Maximum number of transactions waiting in the pool")
    int poolCapacity() default 100_000;

    @AttributeDefinition(description = "Maximum number of extrinsics in one block")
    int maxBlockExtrinsics() default 20_000;

    @AttributeDefinition(description = "Name this node reports in system_name")
    String nodeName() default "hamster-node";
}
