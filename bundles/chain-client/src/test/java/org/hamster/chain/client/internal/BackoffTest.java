package org.hamster.chain.client.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesWithJitterUpToTheCap() {
        for (int i = 0; i < 200; i++) {
            long first = RpcConnection.backoff(0, 250, 30_000);
            assertTrue(first > 187 && first <= 250, "first " + first);
            long third = RpcConnection.backoff(2, 250, 30_000);
            assertTrue(third > 750 && third <= 1000, "third " + third);
            long late = RpcConnection.backoff(60, 250, 30_000);
            assertTrue(late > 22_500 && late <= 30_000, "late " + late);
        }
    }
}
