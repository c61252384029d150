package org.hamster.chain.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.hamster.crypto.Blake2b;
import org.junit.jupiter.api.Test;

class StateRootTest {
    /** The root of these bucket hashes computed from scratch: every inner node rehashed. */
    private static byte[] fullRebuild(Map<Integer, byte[]> buckets) {
        StateRoot r = new StateRoot();
        buckets.forEach(r::load);
        r.rebuild();
        return r.root();
    }

    @Test
    void sparseUpdateEqualsAFullRebuild() {
        Random rnd = new Random(7);
        Map<Integer, byte[]> all = new HashMap<>();
        StateRoot sparse = new StateRoot();
        for (int round = 0; round < 20; round++) {
            Map<Integer, byte[]> changes = new HashMap<>();
            for (int i = 0; i < 1 + rnd.nextInt(300); i++) {
                byte[] h = Blake2b.hash256(new byte[] {(byte) round, (byte) i});
                changes.put(rnd.nextInt(StateRoot.BUCKETS), rnd.nextInt(10) == 0 ? new byte[32] : h);
            }
            all.putAll(changes);
            byte[] expected = fullRebuild(all);
            byte[] before = sparse.root();
            StateRoot.Update u = sparse.prepare(changes);
            assertArrayEquals(before, sparse.root(), "prepare changes nothing");
            assertArrayEquals(expected, u.root(), "round " + round);
            sparse.apply(u);
            assertArrayEquals(expected, sparse.root(), "round " + round);
        }
        assertFalse(java.util.Arrays.equals(new StateRoot().root(), sparse.root()));
        assertArrayEquals(sparse.root(), sparse.prepare(Map.of()).root());
        Map<Integer, byte[]> last = Map.of(StateRoot.BUCKETS - 1, Blake2b.hash256(new byte[] {1}));
        StateRoot oneSparse = new StateRoot();
        oneSparse.apply(oneSparse.prepare(last));
        assertArrayEquals(fullRebuild(last), oneSparse.root());
    }
}
