package org.hamster.explorer.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hamster.chain.client.ChainClient;
import org.hamster.metadata.MetadataV14;

/**
 * The chains' Metadata V14 by runtime spec version, fetched once per version (a runtime upgrade bumps it). Forgets
 * everything when asked for another chain client (another node may run another chain). Thread-safe.
 */
final class MetadataCache {
    /** Runtime versions kept at most (a chain rarely shows blocks of more). */
    static final int MAX_VERSIONS = 4;

    private final Map<Long, MetadataV14> byVersion = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, MetadataV14> eldest) {
            return size() > MAX_VERSIONS;
        }
    };
    private ChainClient client;

    /** The metadata of spec version {@code specVersion} on {@code chain}, or null if not fetched yet. */
    synchronized MetadataV14 get(ChainClient chain, long specVersion) {
        if (chain != client) {
            byVersion.clear();
            client = chain;
        }
        return byVersion.get(specVersion);
    }

    synchronized void put(ChainClient chain, long specVersion, MetadataV14 metadata) {
        if (chain == client) {
            byVersion.put(specVersion, metadata);
        }
    }
}
