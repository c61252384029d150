package org.hamster.storage;

import java.util.Arrays;
import java.util.Objects;

import org.hamster.common.Hex;

/**
 * One key and its value, as returned by {@link KvStore#scan}. Equality compares array contents.
 * The arrays belong to the receiver: a store never hands out arrays it keeps using itself.
 */
public record KvEntry(byte[] key, byte[] value) {

    public KvEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KvEntry e && Arrays.equals(key, e.key) && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return Hex.encode(key) + "=" + Hex.encode(value);
    }
}
