package org.hamster.chain.spi;

import java.util.List;

/** The runtime state as a pallet sees it: raw Substrate storage keys to SCALE values, transactional. */
public interface State {
    byte[] get(byte[] key);

    void put(byte[] key, byte[] value);

    void delete(byte[] key);

    /** Keys starting with {@code prefix} in order, strictly after {@code startAfter} (nullable), at most limit. */
    List<byte[]> keys(byte[] prefix, byte[] startAfter, int limit);
}
