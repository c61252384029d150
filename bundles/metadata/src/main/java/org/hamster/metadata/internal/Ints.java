package org.hamster.metadata.internal;

import java.math.BigInteger;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** Fixed-width little-endian integers of any primitive width, as BigInteger. */
final class Ints {
    private Ints() {
    }

    /** Width in bytes of an integer kind, 0 when the kind is not an integer. */
    static int width(Ty.Kind k) {
        return switch (k) {
            case U8, I8 -> 1;
            case U16, I16 -> 2;
            case U32, I32 -> 4;
            case U64, I64 -> 8;
            case U128, I128 -> 16;
            case U256, I256 -> 32;
            default -> 0;
        };
    }

    static boolean signed(Ty.Kind k) {
        return switch (k) {
            case I8, I16, I32, I64, I128, I256 -> true;
            default -> false;
        };
    }

    static BigInteger read(ScaleReader r, Ty.Kind k) {
        byte[] le = r.bytes(width(k));
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return signed(k) ? new BigInteger(be) : new BigInteger(1, be);
    }

    static void write(ScaleWriter w, Ty.Kind k, BigInteger v) {
        checkRange(k, v);
        int n = width(k);
        byte[] be = v.toByteArray();
        byte pad = (byte) (v.signum() < 0 ? 0xff : 0);
        for (int i = 0; i < n; i++) {
            int j = be.length - 1 - i;
            w.u8(j >= 0 ? be[j] : pad);
        }
    }

    static void checkRange(Ty.Kind k, BigInteger v) {
        int bits = width(k) * 8;
        boolean ok = signed(k) ? v.bitLength() < bits : v.signum() >= 0 && v.bitLength() <= bits;
        if (!ok) {
            throw new IllegalArgumentException(v + " does not fit " + k);
        }
    }

    /** A compact integer that must fit the unsigned kind {@code k}. */
    static BigInteger readCompact(ScaleReader r, Ty.Kind k) {
        BigInteger v = r.compactBig();
        if (v.bitLength() > width(k) * 8) {
            throw new ScaleException("compact value " + v + " does not fit " + k);
        }
        return v;
    }
}
