package org.hamster.crypto.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * BLAKE2b (RFC 7693) written from the specification, for the short inputs a chain hashes all the time (storage
 * keys, tree nodes, extrinsics): the working vector lives in locals, and an engine is reused per thread, so a hash
 * allocates only its output. Not thread-safe; {@link #hash} uses one engine per thread.
 */
public final class Blake2bEngine {
    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L};
    /** The message word schedule of the 12 rounds, flattened (rounds 10 and 11 repeat 0 and 1). */
    private static final byte[] SIGMA = {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3};
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ThreadLocal<Blake2bEngine> PER_THREAD = ThreadLocal.withInitial(Blake2bEngine::new);

    private final long[] h = new long[8];
    private final long[] m = new long[16];
    private final byte[] buf = new byte[128];
    private int bufLen;
    private long t0;
    private long t1;
    private int outLen;

    /** Hashes the concatenation of {@code parts} (keyed when {@code key} is not null) into {@code outLen} bytes. */
    public static byte[] hash(int outLen, byte[] key, byte[]... parts) {
        Blake2bEngine e = PER_THREAD.get();
        e.init(outLen, key);
        for (byte[] p : parts) {
            e.update(p, 0, p.length);
        }
        return e.finish();
    }

    /** Hashes {@code data[off, off + len)} unkeyed into {@code outLen} bytes. */
    public static byte[] hash(int outLen, byte[] data, int off, int len) {
        Blake2bEngine e = PER_THREAD.get();
        e.init(outLen, null);
        e.update(data, off, len);
        return e.finish();
    }

    /** Starts a new hash; {@code outLen} 1..64, {@code key} null or at most 64 bytes (checked by the caller). */
    public void init(int outLen, byte[] key) {
        this.outLen = outLen;
        int keyLen = key == null ? 0 : key.length;
        System.arraycopy(IV, 0, h, 0, 8);
        h[0] ^= 0x01010000L ^ ((long) keyLen << 8) ^ outLen;
        t0 = 0;
        t1 = 0;
        bufLen = 0;
        if (keyLen > 0) {
            Arrays.fill(buf, (byte) 0);
            System.arraycopy(key, 0, buf, 0, keyLen);
            bufLen = 128;
        }
    }

    public void update(byte[] data, int off, int len) {
        if (len == 0) {
            return;
        }
        int end = off + len;
        // the buffered block is compressed only once more input follows: the last block must wait for finish()
        if (bufLen > 0) {
            int take = Math.min(128 - bufLen, len);
            System.arraycopy(data, off, buf, bufLen, take);
            bufLen += take;
            off += take;
            if (off == end) {
                return;
            }
            count(128);
            compress(buf, 0, false);
            bufLen = 0;
        }
        while (end - off > 128) {
            count(128);
            compress(data, off, false);
            off += 128;
        }
        System.arraycopy(data, off, buf, 0, end - off);
        bufLen = end - off;
    }

    public byte[] finish() {
        count(bufLen);
        Arrays.fill(buf, bufLen, 128, (byte) 0);
        compress(buf, 0, true);
        byte[] out = new byte[outLen];
        int full = outLen >>> 3;
        for (int i = 0; i < full; i++) {
            LONG_LE.set(out, i * 8, h[i]);
        }
        for (int i = full * 8; i < outLen; i++) {
            out[i] = (byte) (h[i >>> 3] >>> (8 * (i & 7)));
        }
        return out;
    }

    private void count(int n) {
        t0 += n;
        if (Long.compareUnsigned(t0, n) < 0) {
            t1++;
        }
    }

    private void compress(byte[] block, int off, boolean last) {
        long[] m = this.m;
        for (int i = 0; i < 16; i++) {
            m[i] = (long) LONG_LE.get(block, off + 8 * i);
        }
        long[] h = this.h;
        long v0 = h[0];
        long v1 = h[1];
        long v2 = h[2];
        long v3 = h[3];
        long v4 = h[4];
        long v5 = h[5];
        long v6 = h[6];
        long v7 = h[7];
        long v8 = IV[0];
        long v9 = IV[1];
        long v10 = IV[2];
        long v11 = IV[3];
        long v12 = IV[4] ^ t0;
        long v13 = IV[5] ^ t1;
        long v14 = last ? ~IV[6] : IV[6];
        long v15 = IV[7];
        for (int r = 0; r < 192; r += 16) {
            byte[] s = SIGMA;
            // columns
            v0 += v4 + m[s[r]];
            v12 = Long.rotateRight(v12 ^ v0, 32);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 24);
            v0 += v4 + m[s[r + 1]];
            v12 = Long.rotateRight(v12 ^ v0, 16);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 63);

            v1 += v5 + m[s[r + 2]];
            v13 = Long.rotateRight(v13 ^ v1, 32);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 24);
            v1 += v5 + m[s[r + 3]];
            v13 = Long.rotateRight(v13 ^ v1, 16);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 63);

            v2 += v6 + m[s[r + 4]];
            v14 = Long.rotateRight(v14 ^ v2, 32);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 24);
            v2 += v6 + m[s[r + 5]];
            v14 = Long.rotateRight(v14 ^ v2, 16);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 63);

            v3 += v7 + m[s[r + 6]];
            v15 = Long.rotateRight(v15 ^ v3, 32);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 24);
            v3 += v7 + m[s[r + 7]];
            v15 = Long.rotateRight(v15 ^ v3, 16);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 63);

            // diagonals
            v0 += v5 + m[s[r + 8]];
            v15 = Long.rotateRight(v15 ^ v0, 32);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 24);
            v0 += v5 + m[s[r + 9]];
            v15 = Long.rotateRight(v15 ^ v0, 16);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 63);

            v1 += v6 + m[s[r + 10]];
            v12 = Long.rotateRight(v12 ^ v1, 32);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 24);
            v1 += v6 + m[s[r + 11]];
            v12 = Long.rotateRight(v12 ^ v1, 16);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 63);

            v2 += v7 + m[s[r + 12]];
            v13 = Long.rotateRight(v13 ^ v2, 32);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 24);
            v2 += v7 + m[s[r + 13]];
            v13 = Long.rotateRight(v13 ^ v2, 16);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 63);

            v3 += v4 + m[s[r + 14]];
            v14 = Long.rotateRight(v14 ^ v3, 32);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 24);
            v3 += v4 + m[s[r + 15]];
            v14 = Long.rotateRight(v14 ^ v3, 16);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 63);
        }
        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }
}
