package org.hamster.codec;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads SCALE values from a byte array; every read checks bounds and canonical form. */
public final class ScaleReader {
    private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);
    private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final byte[] data;
    private int pos;
    private final int end;

    public ScaleReader(byte[] data) {
        this(data, 0, data.length);
    }

    public ScaleReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("range outside array");
        }
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    /** A copy of already-read input, e.g. to keep the raw encoding of a value just decoded. */
    public byte[] copyRange(int from, int length) {
        if (from < 0 || length < 0 || from + length > pos) {
            throw new IllegalArgumentException("range not yet read");
        }
        return java.util.Arrays.copyOfRange(data, from, from + length);
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** Fails unless the whole input was consumed: trailing bytes are malformed input. */
    public void expectEnd() {
        if (pos != end) {
            throw new ScaleException((end - pos) + " trailing byte(s)");
        }
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw new ScaleException("unexpected end of input: need " + n + " byte(s), have " + (end - pos));
        }
    }

    public int u8() {
        need(1);
        return data[pos++] & 0xff;
    }

    public int u16() {
        need(2);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    /** An unsigned 32-bit value, widened to long. */
    public long u32() {
        need(4);
        long v = (data[pos] & 0xffL) | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16
                | (data[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    /** A u32 that must fit a non-negative int (lengths, indices). */
    public int u32AsInt() {
        long v = u32();
        if (v > Integer.MAX_VALUE) {
            throw new ScaleException("u32 value too large: " + v);
        }
        return (int) v;
    }

    /** Raw 64 bits; callers treating it as unsigned must use the Long unsigned helpers. */
    public long u64() {
        need(8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (data[pos + i] & 0xffL);
        }
        pos += 8;
        return v;
    }

    public BigInteger u128() {
        need(16);
        long lo = (long) LONG_LE.get(data, pos);
        long hi = (long) LONG_LE.get(data, pos + 8);
        if (hi == 0 && lo >= 0) {
            pos += 16;
            return BigInteger.valueOf(lo);
        }
        return new BigInteger(1, reversed(bytes(16)));
    }

    public boolean bool() {
        int b = u8();
        if (b > 1) {
            throw new ScaleException("invalid bool byte " + b);
        }
        return b == 1;
    }

    public byte[] bytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Compact-prefixed byte vector. */
    public byte[] vecBytes() {
        return bytes(compactLength());
    }

    public String string() {
        byte[] raw = vecBytes();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new ScaleException("string is not valid UTF-8");
        }
    }

    /** Option tag: false for None, true for Some. */
    public boolean optionTag() {
        int b = u8();
        if (b > 1) {
            throw new ScaleException("invalid Option tag " + b);
        }
        return b == 1;
    }

    public <T> T option(Function<ScaleReader, T> element) {
        return optionTag() ? element.apply(this) : null;
    }

    /** A compact length, bounded by the bytes left so that a hostile length cannot allocate. */
    public int compactLength() {
        long n = compactLong();
        if (n > remaining()) {
            throw new ScaleException("length " + n + " exceeds remaining input " + remaining());
        }
        return (int) n;
    }

    public <T> List<T> vec(Function<ScaleReader, T> element) {
        int n = compactLength(); // every element is at least one byte except unit types, which we never vec
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.apply(this));
        }
        return out;
    }

    /** A compact integer that must fit a signed long. */
    public long compactLong() {
        BigInteger v = compactBig();
        if (v.bitLength() > 63) {
            throw new ScaleException("compact value too large: " + v);
        }
        return v.longValue();
    }

    /** A compact integer that must fit u128 (balances). */
    public BigInteger compactU128() {
        BigInteger v = compactBig();
        if (v.compareTo(U128_LIMIT) >= 0) {
            throw new ScaleException("compact value exceeds u128");
        }
        return v;
    }

    /** Any compact integer, rejecting non-canonical (non-minimal) encodings as Substrate does. */
    public BigInteger compactBig() {
        int b0 = u8();
        switch (b0 & 3) {
            case 0:
                return BigInteger.valueOf(b0 >>> 2);
            case 1: {
                int v = ((b0 | u8() << 8) >>> 2);
                if (v < 64) {
                    throw new ScaleException("non-canonical compact encoding");
                }
                return BigInteger.valueOf(v);
            }
            case 2: {
                pos--;
                long v = u32() >>> 2;
                if (v < (1 << 14)) {
                    throw new ScaleException("non-canonical compact encoding");
                }
                return BigInteger.valueOf(v);
            }
            default: {
                int n = (b0 >>> 2) + 4;
                if (n > 67) {
                    throw new ScaleException("compact integer too long");
                }
                BigInteger v = new BigInteger(1, reversed(bytes(n)));
                if (v.bitLength() <= 30 || (n > 4 && v.bitLength() <= (n - 1) * 8)) {
                    throw new ScaleException("non-canonical compact encoding");
                }
                return v;
            }
        }
    }

    private static byte[] reversed(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        return b;
    }
}
