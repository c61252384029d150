package org.hamster.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the CPU time of a measured interval went: the whole process, and on Linux (from /proc/self/task) the JIT
 * compiler threads, the GC threads and the Xodus writer; plus the submit threads as they report it themselves.
 */
record CpuUse(double processSeconds, double submitSeconds, Map<String, Double> byGroup) {
    private static final double TICK = 0.01; // USER_HZ = 100 on Linux

    /** Process CPU and per-group thread ticks at one moment. */
    record Snapshot(long processNs, Map<String, Long> ticks) {
    }

    static Snapshot snapshot() {
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(group(comm), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: process time only
        }
        return new Snapshot(process, ticks);
    }

    private static String group(String comm) {
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
            return "GC";
        }
        if (comm.startsWith("xodus-writer")) {
            return "Xodus writer";
        }
        if (comm.equals("java") || comm.equals("main")) {
            return "author (bench main thread)";
        }
        return "other";
    }

    static long currentThreadCpuNs() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Between two snapshots; the submit threads' own total (they end before the second snapshot). */
    static CpuUse between(Snapshot a, Snapshot b, long submitNs) {
        Map<String, Double> groups = new HashMap<>();
        b.ticks().forEach((g, t) -> groups.put(g, (t - a.ticks().getOrDefault(g, 0L)) * TICK));
        double process = a.processNs() < 0 ? Double.NaN : (b.processNs() - a.processNs()) / 1e9;
        return new CpuUse(process, submitNs / 1e9, groups);
    }

    String describe() {
        StringBuilder sb = new StringBuilder(String.format("%.2f core-s: submit threads %.2f", processSeconds,
                submitSeconds));
        for (String g : new String[] {"author (bench main thread)", "Xodus writer", "JIT compiler", "GC"}) {
            Double v = byGroup.get(g);
            if (v != null) {
                sb.append(String.format(", %s %.2f", g, v));
            }
        }
        return sb.toString();
    }
}
