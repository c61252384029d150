package org.hamster.chain;

import java.util.List;

/** What Core_version and state_getRuntimeVersion report. {@code apis} are (8-byte id, version) pairs. */
public record RuntimeVersion(String specName, String implName, long authoringVersion, long specVersion,
        long implVersion, List<Api> apis, long transactionVersion, int stateVersion) {
    public record Api(byte[] id, long version) {
    }
}
