package org.hamster.codec;

/** Encoder and decoder of one SCALE type. */
public interface Codec<T> {
    void encode(ScaleWriter w, T value);

    T decode(ScaleReader r);

    default byte[] encode(T value) {
        ScaleWriter w = new ScaleWriter();
        encode(w, value);
        return w.toByteArray();
    }

    /** Decodes a whole byte array, rejecting trailing bytes. */
    default T decodeAll(byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        T v = decode(r);
        r.expectEnd();
        return v;
    }
}
