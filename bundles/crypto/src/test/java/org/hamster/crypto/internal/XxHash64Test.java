package org.hamster.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XxHash64Test {
    @Test
    void offsetsAreHonoured() {
        Random random = new Random(7);
        byte[] buf = new byte[300];
        random.nextBytes(buf);
        for (int off = 0; off < 10; off++) {
            for (int len : new int[] {0, 5, 31, 32, 100, 250}) {
                assertEquals(XxHash64.hash(Arrays.copyOfRange(buf, off, off + len), 0, len, 9),
                        XxHash64.hash(buf, off, len, 9), off + "/" + len);
            }
        }
    }
}
