package org.hamster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Launches the headless node assembly (bin/karaf server, fresh data) and measures the time from process start to
 * block #1 over RPC, the RPC read latency, and the resident set size of the node's JVM.
 */
final class NodeStartup {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = 19950;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    void run(Report report) throws Exception {
        Path assembly = Path.of("assemblies/node/target/assembly").toAbsolutePath();
        if (!Files.isDirectory(assembly)) {
            throw new IllegalStateException("build the node assembly first (bench/run does): " + assembly);
        }
        Path home = Files.createTempDirectory("hamster-bench-node");
        new ProcessBuilder("cp", "-a", assembly + "/.", home.toString()).inheritIO().start().waitFor();
        Files.writeString(home.resolve("etc/org.hamster.rpc.cfg"), "port = " + PORT + "\n");
        System.err.println("node startup: " + home);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile()).start();
        try {
            double firstBlock = -1;
            while (System.nanoTime() - start < 120_000_000_000L) {
                long n = bestNumber();
                if (n >= 1) {
                    firstBlock = (System.nanoTime() - start) / 1e9;
                    break;
                }
                Thread.sleep(20);
            }
            if (firstBlock < 0) {
                throw new IllegalStateException("no block within 120 s; see " + home + "/data/log/karaf.log");
            }
            report.row("node assembly: process start to block #1 over RPC", String.format("%.2f s", firstBlock),
                    "< 5 s");
            long rssStart = rssKb(home);
            new RpcLatency(20_000).run(PORT, report);
            Thread.sleep(10_000);
            report.row("node RSS (JVM of bin/karaf server, default heap settings)",
                    String.format("%d MiB after first block, %d MiB after the RPC run + 10 s", rssStart >> 10, rssKb(home) >> 10),
                    "reported");
        } finally {
            new ProcessBuilder("pkill", "-9", "-f", "karaf.home=" + home).start().waitFor(10, TimeUnit.SECONDS);
            p.destroyForcibly();
            TxThroughput.deleteTree(home);
        }
    }

    private long bestNumber() {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(2))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_getHeader\",\"params\":[]}"))
                    .build();
            JsonNode r = JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
            return Long.decode(r.path("result").path("number").asText("-1"));
        } catch (Exception e) {
            return -1;
        }
    }

    /** VmRSS of the JVM whose command line names this Karaf home. */
    private static long rssKb(Path home) throws Exception {
        Process pg = new ProcessBuilder("pgrep", "-f", "karaf.home=" + home).start();
        String pids = new String(pg.getInputStream().readAllBytes()).trim();
        long max = 0;
        for (String pid : pids.split("\\s+")) {
            Path status = Path.of("/proc", pid, "status");
            if (!pid.isEmpty() && Files.exists(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        max = Math.max(max, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            }
        }
        return max;
    }
}
