package org.hamster.common;

import java.util.Arrays;

/** Immutable byte string usable as a map key. */
public final class Bytes implements Comparable<Bytes> {
    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    public static Bytes of(byte[] data) {
        return new Bytes(data.clone());
    }

    /** Takes ownership of the array: the caller must not change it afterwards. */
    public static Bytes wrap(byte[] data) {
        return new Bytes(data);
    }

    public byte[] toArray() {
        return data.clone();
    }

    /** The backing array, not to be modified. */
    public byte[] unsafeArray() {
        return data;
    }

    public int length() {
        return data.length;
    }

    public boolean startsWith(byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Hex.encode(data);
    }
}
