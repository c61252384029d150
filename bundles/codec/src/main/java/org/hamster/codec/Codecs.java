package org.hamster.codec;

import java.math.BigInteger;
import java.util.List;

/** Codecs of the primitive SCALE types. */
public final class Codecs {
    private Codecs() {
    }

    public static final Codec<Integer> U8 = of((w, v) -> w.u8(v), ScaleReader::u8);
    public static final Codec<Long> U32 = of((w, v) -> w.u32(v), ScaleReader::u32);
    public static final Codec<Long> U64 = of((w, v) -> w.u64(v), ScaleReader::u64);
    public static final Codec<BigInteger> U128 = of(ScaleWriter::u128, ScaleReader::u128);
    public static final Codec<Long> COMPACT = of((w, v) -> w.compact(v), ScaleReader::compactLong);
    public static final Codec<Boolean> BOOL = of(ScaleWriter::bool, ScaleReader::bool);
    public static final Codec<byte[]> BYTES = of(ScaleWriter::vecBytes, ScaleReader::vecBytes);
    public static final Codec<String> STRING = of(ScaleWriter::string, ScaleReader::string);

    public static Codec<byte[]> fixed(int length) {
        return of((w, v) -> {
            if (v.length != length) {
                throw new IllegalArgumentException("expected " + length + " bytes, got " + v.length);
            }
            w.bytes(v);
        }, r -> r.bytes(length));
    }

    public static <T> Codec<List<T>> vec(Codec<T> element) {
        return of((w, v) -> w.vec(v, element::encode), r -> r.vec(element::decode));
    }

    public static <T> Codec<T> option(Codec<T> element) {
        return of((w, v) -> w.option(v, element::encode), r -> r.option(element::decode));
    }

    public static <T> Codec<T> of(java.util.function.BiConsumer<ScaleWriter, T> enc,
            java.util.function.Function<ScaleReader, T> dec) {
        return new Codec<>() {
            @Override
            public void encode(ScaleWriter w, T value) {
                enc.accept(w, value);
            }

            @Override
            public T decode(ScaleReader r) {
                return dec.apply(r);
            }
        };
    }
}
