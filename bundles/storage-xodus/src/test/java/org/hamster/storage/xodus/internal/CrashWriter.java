package org.hamster.storage.xodus.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.hamster.storage.WriteBatch;

/**
 * Child process of {@link XodusCrashTest}: commits numbered batches forever and prints each
 * number to stdout once its commit has returned. Batch {@code n} writes {@link #KEYS_PER_BATCH}
 * keys into each of the columns "blocks" and "index" (with equal values) and sets "meta"/head to n.
 */
public final class CrashWriter {
    static final int KEYS_PER_BATCH = 16;
    static final byte[] HEAD = {'h', 'e', 'a', 'd'};

    private CrashWriter() {
    }

    static byte[] key(int n, int i) {
        return ByteBuffer.allocate(6).putInt(n).putShort((short) i).array();
    }

    static byte[] value(int n, int i) {
        byte[] v = new byte[1024];
        Arrays.fill(v, (byte) (n * 31 + i));
        ByteBuffer.wrap(v).putInt(n).putShort((short) i);
        return v;
    }

    static byte[] u32(int n) {
        return ByteBuffer.allocate(4).putInt(n).array();
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        XodusKvStore store = XodusKvStore.open(dir, XodusKvStore.Settings.DEFAULT);
        while (true) {
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < KEYS_PER_BATCH; i++) {
                batch.put("blocks", key(n, i), value(n, i)).put("index", key(n, i), value(n, i));
            }
            batch.put("meta", HEAD, u32(n));
            store.commit(batch);
            System.out.println(n);
            System.out.flush();
            n++;
        }
    }
}
