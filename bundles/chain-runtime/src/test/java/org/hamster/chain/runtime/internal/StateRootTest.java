package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.hamster.crypto.Blake2b;
import org.junit.jupiter.api.Test;

class StateRootTest {
    @Test
    void batchUpdateEqualsOneByOneUpdatesAndAFullRebuild() {
        Random rnd = new Random(7);
        StateRoot single = new StateRoot();
        StateRoot batch = new StateRoot();
        for (int round = 0; round < 20; round++) {
            Map<Integer, byte[]> changes = new HashMap<>();
            for (int i = 0; i < 1 + rnd.nextInt(300); i++) {
                byte[] h = Blake2b.hash256(new byte[] {(byte) round, (byte) i});
                changes.put(rnd.nextInt(StateRoot.BUCKETS), rnd.nextInt(10) == 0 ? new byte[32] : h);
            }
            changes.forEach(single::update);
            batch.updateAll(changes);
            assertArrayEquals(single.root(), batch.root(), "round " + round);
        }
        StateRoot rebuilt = batch.copy();
        rebuilt.rebuild();
        assertArrayEquals(batch.root(), rebuilt.root());
        assertFalse(java.util.Arrays.equals(new StateRoot().root(), batch.root()));
    }
}
