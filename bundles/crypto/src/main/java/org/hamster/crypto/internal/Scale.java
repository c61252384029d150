package org.hamster.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The few SCALE encodings key derivation needs (the codec bundle sits above this one). */
public final class Scale {
    private Scale() {
    }

    /** Compact length prefix followed by the UTF-8 bytes of {@code s}. */
    public static byte[] string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 4);
        compact(out, utf8.length);
        out.writeBytes(utf8);
        return out.toByteArray();
    }

    /** Little-endian u64. */
    public static byte[] u64(long v) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (v >>> (8 * i));
        }
        return out;
    }

    static void compact(ByteArrayOutputStream out, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative length");
        } else if (n < 1 << 6) {
            out.write(n << 2);
        } else if (n < 1 << 14) {
            int v = (n << 2) | 1;
            out.write(v);
            out.write(v >>> 8);
        } else if (n < 1 << 30) {
            int v = (n << 2) | 2;
            for (int i = 0; i < 4; i++) {
                out.write(v >>> (8 * i));
            }
        } else {
            out.write(0b11); // big-integer mode: 4 bytes follow
            for (int i = 0; i < 4; i++) {
                out.write(n >>> (8 * i));
            }
        }
    }
}
