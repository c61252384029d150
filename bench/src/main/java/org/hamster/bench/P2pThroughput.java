package org.hamster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.RelayConfig;
import org.hamster.p2p.Stream;
import org.hamster.p2p.StreamHandler;

/**
 * libp2p on loopback in this JVM: raw TCP throughput (java.nio) as the reference, one Yamux stream Java to Java
 * directly and through a circuit relay v2 (three hosts), 1-byte echo latency, and memory per idle connection.
 */
final class P2pThroughput {
    static final String DISCARD = "/hamster-bench/discard/1.0.0";
    private static final long MIB = 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final int WARMUP = 5;
    private static final int ROUNDS = 5;
    private final long size;
    private final List<Host> hosts = new ArrayList<>();
    private String lastCpu = "";

    P2pThroughput(long size) {
        this.size = size;
    }

    void run(Report report) throws Exception {
        try {
            runAll(report);
        } finally {
            hosts.forEach(Host::close);
        }
    }

    private void runAll(Report report) throws Exception {
        long mib = size / MIB;
        report.note("p2p: Yamux stream window " + Integer.getInteger("bench.p2p.window", HostConfig.MIN_WINDOW) / 1024
                + " KiB (default 256; -Dbench.p2p.window=<bytes> changes it), 2 I/O threads per host");
        System.err.println("p2p: raw TCP, direct and relayed streams of " + mib + " MiB (median of " + ROUNDS + " rounds after " + WARMUP + " warm-up rounds), echo, idle connections");
        double raw = measure(() -> rawTcp(size));
        report.row("raw loopback TCP (java.nio, 1 connection, " + mib + " MiB one way, receiver discards; median of 5 after 5 warm-up rounds)",
                String.format("%.0f MB/s (%s)", raw, lastCpu), "reference");

        Host listener = host(null);
        Host dialer = host(null);
        Multiaddr listenerAddr = await(listener.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")));
        Connection direct = await(dialer.dial(listenerAddr.withPeerId(listener.peerId())));
        double d = measure(() -> streamSend(direct, size));
        report.row("libp2p stream Java -> Java direct (TCP + Noise + Yamux, " + mib + " MiB one way to a discard handler)",
                String.format("%.0f MB/s, %.2fx raw TCP (%s)", d, d / raw, lastCpu), ">= 0.5x raw TCP: " + (d / raw >= 0.5 ? "met" : "NOT met"));

        Host relay = host(RelayConfig.defaults());
        Multiaddr relayAddr = await(relay.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))).withPeerId(relay.peerId());
        Host relayedListener = host(null);
        Host relayedDialer = host(null);
        Multiaddr circuit = await(relayedListener.listen(relayAddr.encapsulate(Multiaddr.parse("/p2p-circuit"))))
                .withPeerId(relayedListener.peerId());
        Connection viaRelay = await(relayedDialer.dial(circuit));
        if (!viaRelay.isRelayed()) {
            throw new IllegalStateException("expected a relayed connection, got " + viaRelay.remoteAddress());
        }
        double r = measure(() -> streamSend(viaRelay, size));
        report.row("libp2p stream through a Java relay (circuit v2, RelayConfig.defaults(), " + mib + " MiB one way)",
                String.format("%.0f MB/s, %.2fx raw TCP (%s)", r, r / raw, lastCpu),
                ">= 0.3x raw TCP: " + (r / raw >= 0.3 ? "met" : "NOT met") + "; >= 100 MB/s: " + (r >= 100 ? "met" : "NOT met"));

        long[] rtt = echo(direct, 2_000, 10_000);
        report.row("1-byte echo on an established direct stream, 10000 round trips after 2000 warm-up",
                String.format("p50 %.3f ms, p99 %.3f ms, max %.3f ms", Report.percentileMs(rtt, 50),
                        Report.percentileMs(rtt, 99), Report.percentileMs(rtt, 100)), "reported");

        idleConnections(report, 200);
    }

    interface Run {
        double mbPerSecond() throws Exception;
    }

    /**
     * The median of {@link #ROUNDS} measured rounds after {@link #WARMUP} unmeasured ones, so that the JIT has
     * compiled the hot paths (with a single short round the C2 compiler threads took half the CPU).
     */
    private double measure(Run run) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            run.mbPerSecond();
        }
        double[] r = new double[ROUNDS];
        long cpu0 = CpuUse.snapshot().processNs();
        long wall0 = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            r[i] = run.mbPerSecond();
        }
        double cpuNs = CpuUse.snapshot().processNs() - cpu0;
        double wallNs = System.nanoTime() - wall0;
        Arrays.sort(r);
        lastCpu = String.format("CPU %.2f ns/byte, %.2f cores busy", cpuNs / (size * (double) ROUNDS), cpuNs / wallNs);
        System.err.printf("  rounds: %s MB/s; %s%n", Arrays.toString(Arrays.stream(r).mapToLong(Math::round).toArray()),
                lastCpu);
        return r[ROUNDS / 2];
    }

    private Host host(RelayConfig relay) {
        HostConfig.Builder b = HostConfig.builder(Identity.generate()).maxConnections(1024)
                .streamWindow(Integer.getInteger("bench.p2p.window", HostConfig.MIN_WINDOW));
        if (relay != null) {
            b.relay(relay);
        }
        Host h = Hosts.create(b.build());
        h.setStreamHandler(DISCARD, P2pThroughput::discard);
        h.setStreamHandler(StreamHandler.ECHO, StreamHandler.echo());
        hosts.add(h);
        return h;
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    /** Reads and drops everything; at end of stream answers with one byte and closes. */
    private static void discard(Stream s) {
        s.read().whenComplete((b, e) -> {
            if (e != null) {
                s.reset();
            } else if (b.length == 0) {
                s.write(new byte[] {1}).thenCompose(x -> s.closeWrite());
            } else {
                discard(s);
            }
        });
    }

    /** MB/s (10^6 bytes) from the first write to the receiver's acknowledgement of end of stream. */
    private static double streamSend(Connection c, long bytes) throws Exception {
        Stream s = await(c.newStream(DISCARD));
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 7);
        long start = System.nanoTime();
        for (long sent = 0; sent < bytes; sent += CHUNK) {
            if (!s.isWritable()) {
                await(s.whenWritable());
            }
            s.write(chunk);
        }
        s.closeWrite();
        byte[] ack = await(s.read());
        long ns = System.nanoTime() - start;
        if (ack.length != 1) {
            throw new IllegalStateException("no acknowledgement from the discard handler");
        }
        s.close();
        return bytes / 1e6 / (ns / 1e9);
    }

    private static double rawTcp(long bytes) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            CompletableFuture<Long> received = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (SocketChannel in = server.accept()) {
                    ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
                    long total = 0;
                    for (int n; (n = in.read(buf)) >= 0; buf.clear()) {
                        total += n;
                    }
                    received.complete(total);
                } catch (Exception e) {
                    received.completeExceptionally(e);
                }
            }, "bench-tcp-reader");
            reader.start();
            try (SocketChannel out = SocketChannel.open(server.getLocalAddress())) {
                ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
                long start = System.nanoTime();
                for (long sent = 0; sent < bytes; sent += CHUNK) {
                    buf.clear();
                    while (buf.hasRemaining()) {
                        out.write(buf);
                    }
                }
                out.shutdownOutput();
                long got = await(received);
                long ns = System.nanoTime() - start;
                if (got != bytes) {
                    throw new IllegalStateException("received " + got + " of " + bytes);
                }
                return bytes / 1e6 / (ns / 1e9);
            }
        }
    }

    /** Sorted round-trip times in ns of 1-byte writes each answered by the echo handler. */
    private static long[] echo(Connection c, int warmup, int count) throws Exception {
        Stream s = await(c.newStream(StreamHandler.ECHO));
        byte[] one = {42};
        long[] rtt = new long[count];
        for (int i = -warmup; i < count; i++) {
            long t = System.nanoTime();
            s.write(one);
            byte[] back = await(s.read());
            long ns = System.nanoTime() - t;
            if (back.length != 1) {
                throw new IllegalStateException("echo returned " + back.length + " bytes");
            }
            if (i >= 0) {
                rtt[i] = ns;
            }
        }
        s.close();
        Arrays.sort(rtt);
        return rtt;
    }

    private void idleConnections(Report report, int n) throws Exception {
        Host target = host(null);
        Host source = host(null);
        Multiaddr addr = await(target.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))); // no /p2p: each dial is new
        // one connection first, so that classes and pools are in place before the baseline
        Connection first = await(source.dial(addr));
        identify(first);
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long heap0 = heapAfterGc(mem);
        long rss0 = rssKb();
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Connection c = await(source.dial(addr));
            identify(c);
            open.add(c);
        }
        long heap1 = heapAfterGc(mem);
        long rss1 = rssKb();
        long live = open.stream().filter(Connection::isOpen).count();
        report.row("memory per idle connection (" + n + " connections host A -> host B, one identify each; both ends in this JVM)",
                String.format("heap %.1f KiB/connection (%.1f MiB total after GC), RSS %.1f KiB/connection (%.1f MiB total); %d of %d open, A has %d, B has %d",
                        (heap1 - heap0) / 1024.0 / n, (heap1 - heap0) / (double) MIB, (rss1 - rss0) / (double) n,
                        (rss1 - rss0) / 1024.0, live, n, source.connections().size(), target.connections().size()),
                "reported");
    }

    /** Opens an identify stream and reads the answer to its end. */
    private static void identify(Connection c) throws Exception {
        Stream s = await(c.newStream(Host.IDENTIFY));
        long total = 0;
        for (byte[] b; (b = await(s.read())).length > 0;) {
            total += b.length;
        }
        if (total == 0) {
            throw new IllegalStateException("empty identify answer");
        }
        s.close();
    }

    private static long heapAfterGc(MemoryMXBean mem) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
