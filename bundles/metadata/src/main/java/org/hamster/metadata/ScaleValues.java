package org.hamster.metadata;

import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.metadata.internal.ValueDecoder;
import org.hamster.metadata.internal.ValueEncoder;

/**
 * A SCALE codec driven by a portable registry: decodes any value by its type id into a {@link Value} and encodes
 * it back. Independent of the pallets' own codecs, so it checks that the metadata describes their bytes.
 */
public final class ScaleValues {
    /** Values nested deeper than this (e.g. sudo(sudo(...)) calls) are rejected as malformed. */
    public static final int MAX_DEPTH = 256;

    private ScaleValues() {
    }

    /** Decodes one value of type {@code typeId}; ScaleException on malformed input. */
    public static Value decode(PortableRegistry registry, int typeId, ScaleReader r) {
        return new ValueDecoder(registry, MAX_DEPTH).decode(typeId, r);
    }

    /** Decodes {@code bytes} as exactly one value of type {@code typeId} (trailing bytes are malformed). */
    public static Value decodeAll(PortableRegistry registry, int typeId, byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        Value v = decode(registry, typeId, r);
        r.expectEnd();
        return v;
    }

    /** Encodes {@code value} as type {@code typeId}; IllegalArgumentException when it does not fit the type. */
    public static void encode(PortableRegistry registry, int typeId, Value value, ScaleWriter w) {
        new ValueEncoder(registry).encode(typeId, value, w);
    }

    public static byte[] encode(PortableRegistry registry, int typeId, Value value) {
        ScaleWriter w = new ScaleWriter();
        encode(registry, typeId, value, w);
        return w.toByteArray();
    }
}
