package org.hamster.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.hamster.crypto.internal.XxHash64;

/**
 * Substrate's twox hashes: xxHash64 with seeds 0, 1, ... each written little-endian and concatenated.
 * Fast but not collision resistant: only for keys that users cannot choose (pallet and item names).
 */
public final class Twox {
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Twox() {
    }

    public static byte[] hash64(byte[] data) {
        return hash(data, 1);
    }

    public static byte[] hash128(byte[] data) {
        return hash(data, 2);
    }

    public static byte[] hash256(byte[] data) {
        return hash(data, 4);
    }

    /** Plain xxHash64 of {@code data} with {@code seed}. */
    public static long xxh64(byte[] data, long seed) {
        return XxHash64.hash(data, 0, data.length, seed);
    }

    private static byte[] hash(byte[] data, int rounds) {
        byte[] out = new byte[rounds * 8];
        for (int seed = 0; seed < rounds; seed++) {
            LONG_LE.set(out, seed * 8, XxHash64.hash(data, 0, data.length, seed));
        }
        return out;
    }
}
