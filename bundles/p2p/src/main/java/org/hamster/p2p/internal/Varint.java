package org.hamster.p2p.internal;

import io.netty.buffer.ByteBuf;

/**
 * Unsigned varints of the multiformats spec: little-endian groups of 7 bits, at most 9 bytes (63 bits), and only
 * the minimal encoding is accepted.
 */
public final class Varint {
    public static final int MAX_BYTES = 9;

    private Varint() {
    }

    public static int size(long value) {
        checkValue(value);
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    public static byte[] encode(long value) {
        byte[] out = new byte[size(value)];
        write(out, 0, value);
        return out;
    }

    /** Writes {@code value} at {@code off}; returns the offset after it. */
    public static int write(byte[] out, int off, long value) {
        checkValue(value);
        while ((value & ~0x7FL) != 0) {
            out[off++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[off++] = (byte) value;
        return off;
    }

    public static void write(ByteBuf out, long value) {
        checkValue(value);
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    /**
     * Reads a varint from {@code in}; returns -1 and consumes nothing when the buffer ends before it does.
     * Throws {@link WireException} on an overlong or non-minimal encoding.
     */
    public static long read(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (start + i >= end) {
                return -1;
            }
            int b = in.getByte(start + i) & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new WireException("non-minimal varint");
                }
                in.readerIndex(start + i + 1);
                return value;
            }
        }
        throw new WireException("varint longer than " + MAX_BYTES + " bytes");
    }

    private static void checkValue(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varints are unsigned 63-bit values, got " + value);
        }
    }
}
