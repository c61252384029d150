package org.hamster.p2p.internal;

import java.util.Arrays;

/** A cursor over a byte array for the small binary formats (multiaddr, multihash, protobuf); stays in bounds. */
public final class ByteReader {
    private final byte[] data;
    private final int end;
    private int pos;

    public ByteReader(byte[] data) {
        this(data, 0, data.length);
    }

    public ByteReader(byte[] data, int off, int len) {
        this.data = data;
        this.pos = off;
        this.end = off + len;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }

    public int readByte() {
        need(1);
        return data[pos++] & 0xFF;
    }

    /** A minimal varint of at most 9 bytes. */
    public long readVarint() {
        long value = 0;
        for (int i = 0; i < Varint.MAX_BYTES; i++) {
            int b = readByte();
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new WireException("non-minimal varint");
                }
                return value;
            }
        }
        throw new WireException("varint longer than " + Varint.MAX_BYTES + " bytes");
    }

    /** A varint that must not exceed {@code max}, e.g. a length. */
    public int readVarint(int max) {
        long v = readVarint();
        if (v > max) {
            throw new WireException("value " + v + " exceeds " + max);
        }
        return (int) v;
    }

    public byte[] readBytes(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    public void skip(long n) {
        if (n < 0 || n > remaining()) {
            throw new WireException("truncated input: " + n + " bytes to skip, " + remaining() + " left");
        }
        pos += (int) n;
    }

    private void need(int n) {
        if (n < 0 || n > remaining()) {
            throw new WireException("truncated input: " + n + " bytes needed, " + remaining() + " left");
        }
    }
}
