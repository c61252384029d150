package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.chain.TxStatus;
import org.hamster.storage.MemoryKvStore;
import org.junit.jupiter.api.Test;

/** Instant sealing with the author thread running: a lone transaction goes into a block at once. */
class InstantSealTest {
    @Test
    void aLoneTransactionIsSealedWithinMilliseconds() throws Exception {
        try (DevNet net = new DevNet(new MemoryKvStore())) {
            net.node.start();
            // the first block comes at once; wait for it so that only the transaction is measured
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (net.node.bestHeader().number() < 1 && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                CountDownLatch inBlock = new CountDownLatch(1);
                byte[] xt = net.transfer("Alice", DevNet.id("Bob"), DevNet.UNIT);
                long t0 = System.nanoTime();
                net.node.submitAndWatch(xt, s -> {
                    if (s.kind() == TxStatus.Kind.IN_BLOCK) {
                        inBlock.countDown();
                    }
                });
                assertTrue(inBlock.await(5, TimeUnit.SECONDS), "sealed");
                latencies.add((System.nanoTime() - t0) / 1_000_000);
            }
            latencies.sort(null);
            System.out.println("lone transaction sealed after (ms): " + latencies);
            // typically 1-3 ms; the bound leaves room for a slow, busy machine
            assertTrue(latencies.get(2) < 100, "median latency " + latencies + " ms");
            assertEquals(5, net.account(AccountId.of(DevNet.key("Alice").publicKey())).nonce());
        }
    }
}
