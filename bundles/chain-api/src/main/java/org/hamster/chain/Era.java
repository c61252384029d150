package org.hamster.chain;

import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** Transaction mortality as Substrate encodes it: immortal, or valid for {@code period} blocks from its birth. */
public record Era(long period, long phase) {
    public static final Era IMMORTAL = new Era(0, 0);
    public static final Codec<Era> CODEC = Codecs.of(Era::encode, Era::decode);

    public boolean immortal() {
        return period == 0;
    }

    /** A mortal era starting at {@code current}, with period rounded to a power of two in [4, 65536]. */
    public static Era mortal(long period, long current) {
        long p = Math.min(Math.max(Long.highestOneBit(Math.max(period, 1) * 2 - 1), 4), 1 << 16);
        long phase = current % p;
        long q = Math.max(p >> 12, 1);
        return new Era(p, phase / q * q);
    }

    /** First block in which a transaction with this era is valid, seen from block {@code current}. */
    public long birth(long current) {
        if (immortal()) {
            return 0;
        }
        return (Math.max(current, phase) - phase) / period * period + phase;
    }

    /** First block in which it is no longer valid. */
    public long death(long current) {
        return immortal() ? Long.MAX_VALUE : birth(current) + period;
    }

    private static void encode(ScaleWriter w, Era e) {
        if (e.immortal()) {
            w.u8(0);
            return;
        }
        long q = Math.max(e.period >> 12, 1);
        int low = (int) Math.min(15, Math.max(1, Long.numberOfTrailingZeros(e.period) - 1));
        w.u16(low | (int) ((e.phase / q) << 4));
    }

    private static Era decode(ScaleReader r) {
        int first = r.u8();
        if (first == 0) {
            return IMMORTAL;
        }
        int encoded = first | (r.u8() << 8);
        long period = 2L << (encoded % 16);
        long q = Math.max(period >> 12, 1);
        long phase = (encoded >> 4) * q;
        if (period < 4 || phase >= period) {
            throw new ScaleException("invalid mortal era");
        }
        return new Era(period, phase);
    }
}
