package org.hamster.chain;

import java.util.List;

/** The values of watched keys after a block; a null value means the key is absent. */
public record StorageChange(H256 block, List<Entry> changes) {
    public record Entry(byte[] key, byte[] value) {
    }
}
