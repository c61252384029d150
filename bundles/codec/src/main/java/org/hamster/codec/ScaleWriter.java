package org.hamster.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.BiConsumer;

/** Appends SCALE values to a growable buffer. */
public final class ScaleWriter {
    private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private byte[] buf;
    private int size;

    public ScaleWriter() {
        this(64);
    }

    public ScaleWriter(int capacity) {
        buf = new byte[Math.max(capacity, 8)];
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    public ScaleWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public ScaleWriter u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    public ScaleWriter u32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public ScaleWriter u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public ScaleWriter u128(BigInteger v) {
        checkU128(v);
        ensure(16);
        if (v.bitLength() < 64) {
            LONG_LE.set(buf, size, v.longValue());
            LONG_LE.set(buf, size + 8, 0L);
            size += 16;
            return this;
        }
        byte[] be = v.toByteArray();
        for (int i = 0; i < 16; i++) {
            int j = be.length - 1 - i;
            buf[size++] = j >= 0 ? be[j] : 0;
        }
        return this;
    }

    public ScaleWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    public ScaleWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    public ScaleWriter vecBytes(byte[] b) {
        return compact(b.length).bytes(b);
    }

    public ScaleWriter string(String s) {
        return vecBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public <T> ScaleWriter vec(Collection<T> items, BiConsumer<ScaleWriter, T> element) {
        compact(items.size());
        for (T t : items) {
            element.accept(this, t);
        }
        return this;
    }

    public <T> ScaleWriter option(T value, BiConsumer<ScaleWriter, T> element) {
        if (value == null) {
            return u8(0);
        }
        u8(1);
        element.accept(this, value);
        return this;
    }

    public ScaleWriter compact(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("compact of negative value " + v);
        }
        if (v < 64) {
            return u8((int) (v << 2));
        }
        if (v < (1 << 14)) {
            return u16((int) (v << 2) | 1);
        }
        if (v < (1L << 30)) {
            return u32((v << 2) | 2);
        }
        return compact(BigInteger.valueOf(v));
    }

    public ScaleWriter compact(BigInteger v) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("compact of negative value " + v);
        }
        if (v.bitLength() <= 62) {
            long l = v.longValue();
            if (l < (1L << 30)) {
                return compact(l);
            }
        }
        int n = (v.bitLength() + 7) / 8;
        u8(((n - 4) << 2) | 3);
        byte[] be = v.toByteArray();
        for (int i = 0; i < n; i++) {
            u8(be[be.length - 1 - i]);
        }
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    static void checkU128(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 128) {
            throw new IllegalArgumentException("value outside u128: " + v);
        }
    }
}
