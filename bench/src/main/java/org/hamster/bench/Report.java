package org.hamster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects result lines and prints them as a Markdown table. */
final class Report {
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        notes.add(String.format("machine: %d cores (%s), Java %s, max heap %d MiB",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20));
    }

    void row(String metric, String value, String target) {
        rows.add(new String[] {metric, value, target});
        System.err.println("  " + metric + ": " + value);
    }

    void note(String text) {
        notes.add(text);
        System.err.println("  " + text);
    }

    void print() {
        System.out.println();
        notes.forEach(n -> System.out.println("- " + n));
        System.out.println();
        System.out.println("| metric | result | target |");
        System.out.println("|---|---|---|");
        rows.forEach(r -> System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |"));
    }

    /** p-th percentile (0-100) of sorted nanosecond samples, in milliseconds. */
    static double percentileMs(long[] sortedNanos, double p) {
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }
}
