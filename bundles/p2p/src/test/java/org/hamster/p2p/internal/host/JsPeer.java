package org.hamster.p2p.internal.host;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A js-libp2p peer ({@code itests/interop/js/peer.mjs}) run by Node: stdout lines are collected; closing stdin
 * stops it. The folder comes from the system property {@code hamster.interop.js}; without its
 * {@code node_modules} the peer fails to start with a message saying to run {@code npm ci}.
 */
final class JsPeer implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new CopyOnWriteArrayList<>();
    private final Path stderr;
    private final String name;

    private JsPeer(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                r.lines().forEach(l -> {
                    all.add(l);
                    lines.add(l);
                });
            } catch (IOException e) {
                // the process ended
            }
        }, "js-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static Path folder() {
        String dir = System.getProperty("hamster.interop.js");
        if (dir == null) {
            throw new AssertionError("system property hamster.interop.js is not set (the p2p pom's surefire "
                    + "configuration sets it to itests/interop/js)");
        }
        Path js = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(js.resolve("node_modules"))) {
            throw new AssertionError("js-libp2p is not installed: " + js.resolve("node_modules") + " is missing. Run"
                    + " `cd " + js + " && npm ci --no-audit --no-fund --loglevel=error` (needs Node.js >= 20)");
        }
        return js;
    }

    static JsPeer start(String... args) throws IOException {
        Path js = folder();
        List<String> cmd = new ArrayList<>(List.of("node", "--import", "./polyfill.mjs", "peer.mjs"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("js-" + args[0] + "-", ".err");
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(js.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run node (Node.js >= 20 must be on the PATH): " + e.getMessage(), e);
        }
        return new JsPeer(args[0], p, err);
    }

    /** The next line starting with {@code prefix}, skipping others; fails on ERROR or after the timeout. */
    String await(String prefix, long seconds) throws Exception {
        return await(l -> l.startsWith(prefix), prefix, seconds);
    }

    String await(Predicate<String> match, String what, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String l = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (l == null) {
                throw new AssertionError("js " + name + ": no " + what + " within " + seconds + " s; output: " + all
                        + "; stderr: " + stderrTail());
            }
            if (match.test(l)) {
                return l;
            }
            if (l.startsWith("ERROR")) {
                throw new AssertionError("js " + name + ": " + l + "; output: " + all + "; stderr: " + stderrTail());
            }
        }
    }

    List<String> output() {
        return List.copyOf(all);
    }

    /** Waits for the process to exit; returns its exit code. */
    int waitFor(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("js " + name + " still running after " + seconds + " s; output: " + all);
        }
        Thread.sleep(100); // let the reader drain
        return process.exitValue();
    }

    String stderrTail() {
        try {
            String s = Files.readString(stderr);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } finally {
            process.destroyForcibly();
            new File(stderr.toString()).delete();
        }
    }
}
