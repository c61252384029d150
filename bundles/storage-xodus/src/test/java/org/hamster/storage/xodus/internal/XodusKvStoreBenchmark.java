package org.hamster.storage.xodus.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.hamster.storage.WriteBatch;

/**
 * Rough throughput of gets and commits; run by hand, not by the build:
 * {@code java -cp <test class path> org.hamster.storage.xodus.internal.XodusKvStoreBenchmark [keys]}.
 */
public final class XodusKvStoreBenchmark {

    private XodusKvStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("xodus-bench");
        Random random = new Random(1);
        byte[][] stored = new byte[keys][];
        try (XodusKvStore store = XodusKvStore.open(dir, XodusKvStore.Settings.DEFAULT)) {
            long t0 = System.nanoTime();
            for (int from = 0; from < keys; from += 1000) {
                WriteBatch batch = new WriteBatch();
                for (int i = from; i < Math.min(keys, from + 1000); i++) {
                    stored[i] = new byte[48]; // like twox128 ++ twox128 ++ blake2_128, then the account
                    random.nextBytes(stored[i]);
                    byte[] value = new byte[80];
                    random.nextBytes(value);
                    batch.put("state", stored[i], value);
                }
                store.commit(batch);
            }
            report("commit, 1000 puts each", keys / 1000, System.nanoTime() - t0);

            t0 = System.nanoTime();
            int small = 1000;
            for (int i = 0; i < small; i++) {
                store.commit(new WriteBatch().put("meta", new byte[] {1}, stored[i]).put("blocks", stored[i], stored[i]));
            }
            report("commit, 2 puts each", small, System.nanoTime() - t0);

            for (int round = 0; round < 3; round++) {
                int gets = 1_000_000;
                t0 = System.nanoTime();
                long found = 0;
                for (int i = 0; i < gets; i++) {
                    found += store.get("state", stored[random.nextInt(keys)]).length;
                }
                report("get, hit, random key (round " + round + ")", gets, System.nanoTime() - t0);
                t0 = System.nanoTime();
                byte[] missing = new byte[48];
                for (int i = 0; i < gets; i++) {
                    random.nextBytes(missing);
                    found += store.get("state", missing) == null ? 0 : 1;
                }
                report("get, miss (round " + round + ")", gets, System.nanoTime() - t0);
                t0 = System.nanoTime();
                for (int i = 0; i < 10_000; i++) {
                    byte[] k = stored[random.nextInt(keys)];
                    found += store.scan("state", new byte[] {k[0]}, null, 100).size();
                }
                report("scan of 100 (round " + round + ")", 10_000, System.nanoTime() - t0);
                if (found == 42) {
                    System.out.println();
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String what, int n, long nanos) {
        System.out.printf("%-40s %9d ops %8.0f ops/s %10.2f us/op%n", what, n, n / (nanos / 1e9), nanos / 1e3 / n);
    }
}
