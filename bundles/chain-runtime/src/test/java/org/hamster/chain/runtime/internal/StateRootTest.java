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
        StateRoot sparse = new StateRoot();
        for (int round = 0; round < 20; round++) {
            Map<Integer, byte[]> changes = new HashMap<>();
            for (int i = 0; i < 1 + rnd.nextInt(300); i++) {
                byte[] h = Blake2b.hash256(new byte[] {(byte) round, (byte) i});
                changes.put(rnd.nextInt(StateRoot.BUCKETS), rnd.nextInt(10) == 0 ? new byte[32] : h);
            }
            changes.forEach(single::update);
            batch.updateAll(changes);
            assertArrayEquals(single.root(), batch.root(), "round " + round);
            byte[] before = sparse.root();
            StateRoot.Update u = sparse.prepare(changes);
            assertArrayEquals(before, sparse.root(), "prepare changes nothing");
            assertArrayEquals(batch.root(), u.root(), "round " + round);
            sparse.apply(u);
            assertArrayEquals(batch.root(), sparse.root(), "round " + round);
        }
        StateRoot rebuilt = batch.copy();
        rebuilt.rebuild();
        assertArrayEquals(batch.root(), rebuilt.root());
        assertFalse(java.util.Arrays.equals(new StateRoot().root(), batch.root()));
        assertArrayEquals(batch.root(), batch.prepare(Map.of()).root());
        StateRoot one = new StateRoot();
        StateRoot oneSparse = new StateRoot();
        one.update(StateRoot.BUCKETS - 1, Blake2b.hash256(new byte[] {1}));
        oneSparse.apply(oneSparse.prepare(Map.of(StateRoot.BUCKETS - 1, Blake2b.hash256(new byte[] {1}))));
        assertArrayEquals(one.root(), oneSparse.root());
    }
}
