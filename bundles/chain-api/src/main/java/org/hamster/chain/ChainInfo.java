package org.hamster.chain;

import java.util.Map;

/** Static facts of the running chain: names from the chain spec, its properties and genesis hash. */
public record ChainInfo(String name, String id, String chainType, Map<String, Object> properties, H256 genesisHash,
        String nodeName, String nodeVersion) {
}
