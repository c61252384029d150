package org.hamster.storage.xodus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.hamster.storage.KvEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a stream of commits: every commit the writer reported is there after reopening,
 * and no batch is there in part.
 */
class XodusCrashTest {
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void everyReportedCommitSurvivesKillNineAndNoBatchIsPartial() throws Exception {
        Path db = dir.resolve("db");
        Random random = new Random();
        int next = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 20 + random.nextInt(200);
            List<Integer> reported = runAndKill(db, next, killAfter, dir.resolve("writer-" + round + ".log"));
            assertTrue(reported.size() >= killAfter, "writer reported " + reported.size() + " commits");
            int head = verify(db);
            int lastReported = reported.get(reported.size() - 1);
            // the commit after the last printed number may or may not have made it
            assertTrue(head == lastReported || head == lastReported + 1,
                    "head " + head + " after last reported commit " + lastReported);
            next = head + 1;
        }
    }

    /**
     * Starts the writer at {@code first}, kills it once it has reported {@code killAfter} commits and
     * returns every commit it reported before dying (a line cut off by the kill does not count).
     */
    private static List<Integer> runAndKill(Path db, int first, int killAfter, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", testClassPath(),
                CrashWriter.class.getName(), db.toString(), Integer.toString(first))
                .redirectError(log.toFile())
                .start();
        StringBuilder out = new StringBuilder();
        try (InputStreamReader in = new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)) {
            char[] buf = new char[4096];
            int n;
            while (countLines(out) < killAfter && (n = in.read(buf)) > 0) {
                out.append(buf, 0, n);
            }
            // SIGKILL; unlike Process.destroyForcibly() this keeps our end of the pipe open
            child.toHandle().destroyForcibly();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                fail("writer did not die");
            }
            // what it printed between our last read and its death counts too
            while ((n = in.read(buf)) > 0) {
                out.append(buf, 0, n);
            }
        } finally {
            child.destroyForcibly();
        }
        List<Integer> reported = new ArrayList<>();
        for (String line : out.substring(0, out.lastIndexOf("\n") + 1).split("\n")) {
            if (line.matches("\\d+")) {
                reported.add(Integer.parseInt(line));
            }
        }
        if (reported.size() < killAfter) {
            fail("writer stopped after " + reported.size() + " commits:\n" + Files.readString(log));
        }
        for (int i = 0; i < reported.size(); i++) {
            assertEquals(first + i, reported.get(i));
        }
        return reported;
    }

    private static long countLines(CharSequence s) {
        return s.chars().filter(c -> c == '\n').count();
    }

    /** Checks the database is a complete prefix of batches 0..head and returns head. */
    private static int verify(Path db) {
        try (XodusKvStore store = XodusKvStore.open(db, XodusKvStore.Settings.DEFAULT)) {
            byte[] headBytes = store.get("meta", CrashWriter.HEAD);
            assertNotNull(headBytes, "no commit survived");
            int head = ByteBuffer.wrap(headBytes).getInt();
            List<KvEntry> blocks = store.scan("blocks", new byte[0], null, Integer.MAX_VALUE);
            List<KvEntry> index = store.scan("index", new byte[0], null, Integer.MAX_VALUE);
            assertEquals((head + 1) * CrashWriter.KEYS_PER_BATCH, blocks.size(), "blocks of batches 0.." + head);
            assertEquals(blocks, index, "the two columns of every batch agree");
            int at = 0;
            for (int n = 0; n <= head; n++) {
                for (int i = 0; i < CrashWriter.KEYS_PER_BATCH; i++, at++) {
                    assertArrayEquals(CrashWriter.key(n, i), blocks.get(at).key());
                    assertArrayEquals(CrashWriter.value(n, i), blocks.get(at).value());
                }
            }
            return head;
        }
    }

    /** The test class path; under Surefire java.class.path may be a manifest-only booter jar, which java -cp also understands. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
