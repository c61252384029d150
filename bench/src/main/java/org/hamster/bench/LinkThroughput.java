package org.hamster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientOptions;
import org.hamster.chain.client.Market;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.KeyDerivation;
import org.hamster.crypto.Keystore;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;

/**
 * SSH transfer throughput through a tenant's link against scp straight to the machine, in one run. The node, one
 * gateway, the provider (Docker backend) and the client run as four Karaf servers, as in NetworkIT: the provider in
 * a network namespace of its own (10.213.7.0/30), so the client's link must go through the gateway. The tenant buys
 * with {@code hamster:buy} and links with {@code hamster:link} through the client's shell. Then the real OpenSSH
 * {@code scp} copies a file of random bytes to the machine's /dev/null, alternately (a) through the link port and
 * (b) inside the namespace to the machine's SSH port on the provider's 127.0.0.1 ("raw loopback": the same SSH
 * server behind the same Docker exec relay, so the ratio is the link's own cost). Besides the times, the CPU time
 * of every process involved is taken from /proc for each transfer.
 */
final class LinkThroughput {
    private static final String NS = "hamster-bench-link";
    private static final String HOST_IF = "hmb7h";
    private static final String NS_IF = "hmb7n";
    private static final String HOST = "10.213.7.1";
    private static final String NS_ADDR = "10.213.7.2";
    private static final int RPC = 19975;
    private static final int GATEWAY_P2P = 19976;
    private static final int PROVIDER_P2P = 19977; // on the namespace's own 127.0.0.1: unreachable from the host
    private static final int NODE_SSH = 18141;
    private static final int GATEWAY_SSH = 18142;
    private static final int PROVIDER_SSH = 18143;
    private static final int CLIENT_SSH = 18144;
    private static final int SSH_PORT_FROM = 23400;
    private static final int SSH_PORT_TO = 23409;
    private static final Pattern ORDER = Pattern.compile("Order (\\d+):");
    private static final Pattern PORT = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TICK = 0.01; // USER_HZ = 100 on Linux
    private final int rounds;
    private final long bytes;
    /** Diagnosis only (LINK_BENCH_QUICKACK=1): delayed ACKs off on the loopback of the machine and the provider. */
    private final boolean quickack = "1".equals(System.getenv("LINK_BENCH_QUICKACK"));
    private final List<Process> servers = new ArrayList<>();
    private final Map<Long, String> jvms = new HashMap<>();

    LinkThroughput(int rounds, long bytes) {
        this.rounds = rounds;
        this.bytes = bytes;
    }

    void run(Report report) throws Exception {
        List<Path> dirs = new ArrayList<>();
        long[] order = {-1};
        String[] lease = {null}; // the provider's lease id (the machine's label), e.g. <scope>-order-<order>
        boolean done = false;
        netns();
        try {
            Path node = copy("node", dirs);
            Path gw = copy("gateway", dirs);
            Path prov = copy("provider", dirs);
            Path client = copy("client", dirs);
            Path work = Files.createTempDirectory("hamster-bench-link");
            dirs.add(work);
            Path key = keygen(work);
            configureNode(node);
            configureGateway(gw);
            configureProvider(prov);
            configureClient(client, key);
            start("node", node, false);
            Ed25519.KeyPair bob = KeyDerivation.pair("//Bob");
            AccountId charlie = AccountId.of(KeyDerivation.pair("//Charlie").publicKey());
            try (ChainClient chain = waitFor("the node", () -> {
                try {
                    return ChainClient.connect(URI.create("ws://" + HOST + ":" + RPC), ChainClientOptions.defaults());
                } catch (Exception e) {
                    return null;
                }
            })) {
                Market market = chain.market();
                ChainClient.await(chain.signer().submitAndWaitInBlock(bob, market.calls().pledge(BigInteger.TEN
                        .pow(14))));
                start("gateway", gw, false);
                waitFor("the gateway on the bootstrap list", () -> ChainClient.await(market.bootstrapList()).isEmpty()
                        ? null : true);
                start("provider", prov, true);
                start("client", client, false);
                Resource resource = waitFor("the provider's resource", () -> {
                    List<Resource> rs = ChainClient.await(market.resourcesOf(AccountId.of(bob.publicKey())));
                    return rs.isEmpty() ? null : rs.get(0);
                });
                Path provLog = prov.resolve("data/log/karaf.log");
                waitFor("the provider's reservation on the gateway", () -> Files.exists(provLog)
                        && Files.readString(provLog).contains("reachable through") ? true : null);
                waitFor("the resource in the client's hamster:market", () -> shell(client, CLIENT_SSH,
                        "hamster:market").contains(bob.address()) ? true : null);
                String bought = shell(client, CLIENT_SSH, "hamster:buy " + resource.id() + " 1");
                Matcher om = ORDER.matcher(bought);
                if (!om.find()) {
                    throw new IllegalStateException("hamster:buy: " + bought);
                }
                order[0] = Long.parseLong(om.group(1));
                RentalAgreement a = waitFor("the agreement", () -> ChainClient.await(market.agreementsOf(charlie))
                        .stream().filter(x -> x.order() == order[0] && x.status() == AgreementStatus.USING)
                        .findFirst().orElse(null));
                String linked = shell(client, CLIENT_SSH, "hamster:link " + a.id());
                Matcher pm = PORT.matcher(linked);
                if (!pm.find()) {
                    throw new IllegalStateException("hamster:link: " + linked);
                }
                int linkPort = Integer.parseInt(pm.group(1));
                String token = Files.readString(prov.resolve("data/hamster/api.token")).strip();
                int machinePort = waitFor("the lease's machine running", () -> {
                    JsonNode leases = JSON.readTree(exec(ns("curl", "-sf", "-H", "Authorization: Bearer " + token,
                            "http://127.0.0.1:" + (PROVIDER_SSH + 100) + "/hamster/api/provider/leases")));
                    for (JsonNode l : leases) {
                        if (l.path("agreement").asLong() == a.id() && "RUNNING".equals(l.path("machineState")
                                .asText())) {
                            lease[0] = l.path("leaseId").asText();
                            return l.path("sshPort").asInt();
                        }
                    }
                    return null;
                });
                waitFor("ssh through the link", () -> ssh(key, linkPort, false) ? true : null);
                waitFor("ssh to the machine's port inside the namespace", () -> ssh(key, machinePort, true) ? true
                        : null);
                String links = shell(client, CLIENT_SSH, "hamster:links");
                if (!links.contains("RELAYED")) {
                    throw new IllegalStateException("the link is not relayed through the gateway: " + links);
                }
                String cipher = cipher(key, linkPort);
                System.err.printf("link: agreement %d, 127.0.0.1:%d (relayed); machine SSH on the provider's "
                        + "127.0.0.1:%d; %s%n", a.id(), linkPort, machinePort, cipher);
                if (quickack) {
                    quickack(lease[0]);
                }
                Path file = work.resolve("random.bin");
                randomFile(file, bytes);
                Path small = work.resolve("warm-up.bin");
                randomFile(small, bytes / 10);
                List<String> linkScp = scp(key, linkPort, file);
                List<String> rawScp = ns(scp(key, machinePort, file).toArray(String[]::new));
                jvmPids();
                transfer(scp(key, linkPort, small)); // warm-up of both paths, a tenth of the size, not counted
                transfer(ns(scp(key, machinePort, small).toArray(String[]::new)));
                List<Double> linkMbs = new ArrayList<>();
                List<Double> rawMbs = new ArrayList<>();
                Map<String, Double> linkCpu = new LinkedHashMap<>();
                Map<String, Double> rawCpu = new LinkedHashMap<>();
                double[] linkWall = {0};
                double[] rawWall = {0};
                double[] linkBusy = {0};
                double[] rawBusy = {0};
                for (int i = 0; i < rounds; i++) {
                    linkMbs.add(measured("link", i, linkScp, linkCpu, linkWall, linkBusy));
                    rawMbs.add(measured("raw", i, rawScp, rawCpu, rawWall, rawBusy));
                }
                double link = median(linkMbs);
                double raw = median(rawMbs);
                String size = String.format("%d MB", bytes / 1_000_000);
                String diag = quickack ? " [diagnosis: LINK_BENCH_QUICKACK=1, delayed ACKs off on the machine's and"
                        + " the provider's loopback]" : "";
                report.note("link bench: scp = OpenSSH " + opensshVersion() + ", " + cipher + ", -o Compression=no,"
                        + " ed25519 key, SFTP protocol to dropbear's sftp-server, to /dev/null in the container "
                        + "(hamster/ssh-base:1, 2 CPUs, no network); one unmeasured warm-up of each path first ("
                        + bytes / 10_000_000 + " MB)");
                report.row("scp of " + size + " through the client's link port (`hamster:link`; relayed through the"
                        + " gateway, `hamster:links`: RELAYED; provider in its own netns; median of " + rounds
                        + ", alternating)" + diag, mbs(link) + " MB/s (" + runs(linkMbs) + ")", "reported");
                report.row("scp of " + size + " to the machine's SSH port on the provider's 127.0.0.1 (\"raw "
                        + "loopback\", run inside the netns; same machine and SSH server, same Docker exec relay)"
                        + diag, mbs(raw) + " MB/s (" + runs(rawMbs) + ")", "reference");
                report.row("link / raw loopback, same run" + diag, String.format("%.2fx", link / raw), ">= 0.3x");
                report.row("CPU per transfer through the link (mean of " + rounds + ")", cpu(linkCpu, linkWall[0],
                        linkBusy[0]), "reported");
                report.row("CPU per transfer over raw loopback (mean of " + rounds + ")", cpu(rawCpu, rawWall[0],
                        rawBusy[0]), "reported");
            }
            done = true;
        } finally {
            if (!done) {
                logs(dirs);
            }
            for (Process p : servers) {
                kill(p);
            }
            removeMachine(lease[0], order[0]);
            exec(List.of("ip", "netns", "del", NS));
            exec(List.of("ip", "link", "del", HOST_IF));
            for (Path d : dirs) {
                TxThroughput.deleteTree(d);
            }
        }
    }

    // ---- the transfers

    /** One measured transfer: MB/s, with the CPU of each process group added to {@code cpu}. */
    private double measured(String what, int round, List<String> scp, Map<String, Double> cpu, double[] wall,
            double[] busy) throws Exception {
        Map<Long, long[]> before = procs();
        long[] sys0 = systemTicks();
        long t0 = System.nanoTime();
        double scpCpu = transfer(scp);
        double s = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(300); // the SSH session's processes exit and are reaped into their parents' times
        long[] sys1 = systemTicks();
        Map<Long, long[]> after = procs();
        Map<String, Double> groups = new LinkedHashMap<>();
        groups.put("scp+ssh", scpCpu);
        for (Map.Entry<Long, long[]> e : after.entrySet()) {
            long[] b = before.get(e.getKey());
            if (b == null || b[2] != e.getValue()[2]) {
                continue; // started during the transfer: counted in its parent once reaped
            }
            String g = group(e.getKey(), comms.get(e.getKey()));
            // the SSH server's session processes and the exec'd nc end with the transfer: their time is in their
            // parent's children time (other processes' children, e.g. builds beside the bench, are left out)
            boolean withChildren = g.startsWith("dropbear") || g.startsWith("containerd-shim");
            double d = (e.getValue()[0] - b[0] + (withChildren ? e.getValue()[1] - b[1] : 0)) * TICK;
            if (d > 0) {
                groups.merge(g, d, Double::sum);
            }
        }
        groups.forEach((k, v) -> cpu.merge(k, v / rounds, Double::sum));
        wall[0] += s / rounds;
        busy[0] += (sys1[0] - sys0[0]) * TICK / rounds; // machine-wide busy core-seconds, incl. the 300 ms pause
        double mbs = bytes / 1e6 / s;
        StringBuilder g = new StringBuilder();
        groups.forEach((k, v) -> g.append(g.length() == 0 ? "" : ", ").append(k).append(String.format(" %.2f", v)));
        System.err.printf("  %s round %d: %.2f s, %s MB/s, CPU (core-s) %s%n", what, round + 1, s, mbs(mbs), g);
        return mbs;
    }

    /** Runs one scp command to the end; returns the CPU seconds of scp and its ssh (from the wrapping shell). */
    private static double transfer(List<String> scp) throws Exception {
        String out = exec(scp);
        String[] lines = out.strip().split("\n");
        String stat = lines[lines.length - 1];
        if (!stat.startsWith("stat ")) {
            throw new IllegalStateException("scp failed: " + out);
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * TICK; // cutime + cstime: the waited-for children
    }

    /**
     * scp of {@code file} (or ssh {@code true} if null) to root@127.0.0.1:{@code port}:/dev/null, in a shell that
     * prints its own /proc stat after the children ended (their CPU time is then in its cutime/cstime).
     */
    private static List<String> scp(Path key, int port, Path file) {
        return List.of("sh", "-c", "scp \"$@\" 2>&1 > /dev/null || { echo scp exit $?; exit 1; }; "
                + "echo; echo stat $(cat /proc/$$/stat)", "sh", "-q", "-o", "Compression=no", "-i", key.toString(),
                "-P", String.valueOf(port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=20", "-o", "LogLevel=ERROR",
                String.valueOf(file), "root@127.0.0.1:/dev/null");
    }

    private static boolean ssh(Path key, int port, boolean inNs) throws Exception {
        List<String> cmd = List.of("ssh", "-i", key.toString(), "-p", String.valueOf(port), "-o",
                "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o",
                "ConnectTimeout=5", "-o", "LogLevel=ERROR", "root@127.0.0.1", "true");
        Process p = new ProcessBuilder(inNs ? ns(cmd.toArray(String[]::new)) : cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** The cipher and MAC ssh negotiates with the machine's server (from ssh -v). */
    private static String cipher(Path key, int port) throws Exception {
        Process p = new ProcessBuilder("ssh", "-v", "-o", "Compression=no", "-i", key.toString(), "-p",
                String.valueOf(port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o",
                "BatchMode=yes", "root@127.0.0.1", "true").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("kex: client->server cipher: (\\S+) MAC: (\\S+)").matcher(out);
        return m.find() ? "cipher " + m.group(1) + (m.group(2).equals("<implicit>") ? "" : " MAC " + m.group(2))
                : "cipher ?";
    }

    private static String opensshVersion() throws Exception {
        Process p = new ProcessBuilder("ssh", "-V").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(10, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("OpenSSH_(\\S+?)[ ,]").matcher(out);
        return m.find() ? m.group(1) : out;
    }

    /** A fresh ed25519 key pair (ssh-keygen, no passphrase): the private key file; the public one is next to it. */
    private static Path keygen(Path dir) throws Exception {
        Path key = dir.resolve("id_ed25519");
        must("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "tenant@bench", "-f", key.toString());
        return key;
    }

    private static void randomFile(Path file, long bytes) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= buf.length) {
                for (int i = 0; i < buf.length; i += 8) {
                    long v = r.nextLong();
                    for (int j = 0; j < 8; j++) {
                        buf[i + j] = (byte) (v >>> (8 * j));
                    }
                }
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
    }

    // ---- CPU accounting from /proc

    private final Map<Long, String> comms = new HashMap<>();

    /** pid -> {utime + stime, cutime + cstime (in ticks), start time}; remembers each pid's command name. */
    private Map<Long, long[]> procs() throws IOException {
        Map<Long, long[]> m = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : ds) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    comms.put(pid, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                    m.put(pid, new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13])
                            + Long.parseLong(f[14]), Long.parseLong(f[19])});
                } catch (IOException | RuntimeException e) {
                    // ended meanwhile
                }
            }
        }
        return m;
    }

    /** Busy and total ticks of all CPUs (/proc/stat). */
    private static long[] systemTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        long all = 0;
        for (int i = 1; i <= 8; i++) {
            all += Long.parseLong(f[i]);
        }
        return new long[] {all - idle, all};
    }

    private String group(long pid, String comm) {
        String jvm = jvms.get(pid);
        if (jvm != null) {
            return jvm + " JVM";
        }
        if (comm == null) {
            return "other";
        }
        if (comm.equals("dropbear")) {
            return "dropbear+sftp-server";
        }
        if (comm.startsWith("containerd-shim")) {
            return "containerd-shim+nc";
        }
        if (comm.equals("dockerd") || comm.equals("containerd")) {
            return comm;
        }
        if (comm.startsWith("ksoftirqd") || comm.startsWith("kworker")) {
            return "kernel threads";
        }
        return "other";
    }

    private static String cpu(Map<String, Double> cpu, double wall, double busy) {
        double sum = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder b = new StringBuilder(String.format("%.2f s wall; processes %.2f core-s (machine busy %.2f "
                + "core-s incl. a 0.3 s pause): ", wall, sum, busy));
        List<Map.Entry<String, Double>> es = new ArrayList<>(cpu.entrySet());
        es.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        for (int i = 0; i < es.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(es.get(i).getKey()).append(' ')
                    .append(String.format("%.2f", es.get(i).getValue()));
        }
        return b.toString();
    }

    /** The JVM of each Karaf server: the java process among the launcher's descendants. */
    private void jvmPids() {
        String[] roles = {"node", "gateway", "provider", "client"};
        for (int i = 0; i < servers.size(); i++) {
            Process p = servers.get(i);
            String role = roles[i];
            p.toHandle().descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .forEach(h -> jvms.put(h.pid(), role));
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    /** MB/s with three significant digits up to 100. */
    private static String mbs(double v) {
        return String.format(v < 10 ? "%.2f" : "%.1f", v);
    }

    private static String runs(List<Double> xs) {
        StringBuilder b = new StringBuilder("runs ");
        for (int i = 0; i < xs.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(mbs(xs.get(i)));
        }
        return b.toString();
    }

    // ---- the servers

    private static Path copy(String role, List<Path> dirs) throws Exception {
        Path assembly = Path.of("assemblies/" + role + "/target/assembly").toAbsolutePath();
        if (!Files.isDirectory(assembly)) {
            throw new IllegalStateException("build the " + role + " assembly first (bench/run does): " + assembly);
        }
        Path home = Files.createTempDirectory("hamster-bench-link-" + role);
        dirs.add(home);
        new ProcessBuilder("cp", "-a", assembly + "/.", home.toString()).inheritIO().start().waitFor();
        return home;
    }

    /** Appends {@code key = value} lines to etc/{@code file} (the last assignment wins). */
    private static void config(Path home, String file, String... kv) throws IOException {
        StringBuilder b = new StringBuilder("\n");
        for (int i = 0; i < kv.length; i += 2) {
            b.append(kv[i]).append(" = ").append(kv[i + 1]).append('\n');
        }
        Path p = home.resolve("etc").resolve(file);
        Files.writeString(p, (Files.exists(p) ? Files.readString(p) : "") + b);
    }

    /** The Karaf shell, web and JMX ports of a server: web at ssh + 100, JMX registry/server at 11000 + and 44300 +. */
    private static void karafPorts(Path home, int ssh) throws IOException {
        config(home, "org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ssh), "sshHost", "127.0.0.1");
        config(home, "org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(ssh + 100),
                "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        config(home, "org.apache.karaf.management.cfg", "rmiRegistryHost", "127.0.0.1", "rmiRegistryPort",
                String.valueOf(ssh - 18141 + 11141), "rmiServerHost", "127.0.0.1", "rmiServerPort",
                String.valueOf(ssh - 18141 + 44461));
    }

    private static void configureNode(Path node) throws IOException {
        config(node, "org.hamster.rpc.cfg", "host", HOST, "port", String.valueOf(RPC));
        karafPorts(node, NODE_SSH);
    }

    private static void configureGateway(Path gw) throws Exception {
        new Keystore(gw.resolve("data/hamster/keystore")).importKey("gw", "//Dave", "bench");
        Path pw = gw.resolve("etc/gateway.password");
        Files.writeString(pw, "bench\n");
        config(gw, "org.hamster.gateway.cfg", "account", "gw", "passwordFile", pw.toString(), "listenAddress",
                "/ip4/" + HOST + "/tcp/" + GATEWAY_P2P, "retrySeconds", "1");
        config(gw, "org.hamster.chain.client.cfg", "url", "ws://" + HOST + ":" + RPC);
        karafPorts(gw, GATEWAY_SSH);
    }

    private static void configureProvider(Path prov) throws Exception {
        new Keystore(prov.resolve("data/hamster/keystore")).importKey("prov", "//Bob", "bench");
        Path pw = prov.resolve("etc/provider.password");
        Files.writeString(pw, "bench\n");
        config(prov, "org.hamster.provider.cfg", "account", "prov", "passwordFile", pw.toString(), "backend",
                "docker", "listenAddress", "/ip4/127.0.0.1/tcp/" + PROVIDER_P2P, "useGateways", "true",
                "cpus", "2", "memoryGiB", "1", "pricePerHour", "1", "rentableHours", "100", "reconcileSeconds", "2",
                "sshPortFrom", String.valueOf(SSH_PORT_FROM), "sshPortTo", String.valueOf(SSH_PORT_TO));
        config(prov, "org.hamster.chain.client.cfg", "url", "ws://" + HOST + ":" + RPC);
        karafPorts(prov, PROVIDER_SSH);
    }

    private static void configureClient(Path client, Path key) throws Exception {
        new Keystore(client.resolve("data/hamster/keystore")).importKey("tenant", "//Charlie", "bench");
        Path pw = client.resolve("etc/tenant.password");
        Files.writeString(pw, "bench\n");
        config(client, "org.hamster.client.cfg", "account", "tenant", "passwordFile", pw.toString(),
                "sshPublicKey", key + ".pub", "sshPrivateKeyPath", key.toString());
        config(client, "org.hamster.chain.client.cfg", "url", "ws://" + HOST + ":" + RPC);
        karafPorts(client, CLIENT_SSH);
    }

    private void start(String role, Path home, boolean inNs) throws IOException {
        String karaf = home.resolve("bin/karaf").toString();
        ProcessBuilder pb = new ProcessBuilder(inNs ? ns(karaf, "server") : List.of(karaf, "server"))
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        pb.environment().put("JAVA_MAX_MEM", "1024m");
        servers.add(pb.start());
        System.err.println("started the " + role + " (" + home + (inNs ? ", in netns " + NS : "") + ")");
    }

    /** One command in a server's shell through its bin/client (batch mode, the command on stdin). */
    private static String shell(Path home, int port, String command) throws Exception {
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                String.valueOf(port), "-u", "karaf", "-p", "karaf", "-b").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("bin/client did not end: " + out);
        }
        return out;
    }

    /** SIGKILL to a server's launcher and all its descendants (its JVM), by process id. */
    private static void kill(Process p) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(p.toHandle().descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                System.err.println("process " + h.pid() + " did not end within 10 s");
            }
        }
    }

    /**
     * Removes the containers of this bench's lease only: an SSH port label of this bench's range, and the lease label
     * the provider reported (or, if the run failed before, one for this bench's order number).
     */
    private static void removeMachine(String lease, long order) throws Exception {
        if (lease == null && order < 0) {
            return;
        }
        String out = exec(List.of("/usr/bin/docker", "ps", "-a", "--no-trunc", "--filter", "label=org.hamster.lease",
                "--format", "{{.ID}} {{.Label \"org.hamster.ssh-port\"}} {{.Label \"org.hamster.lease\"}}"));
        for (String line : out.strip().split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && f[1].matches("\\d+") && Integer.parseInt(f[1]) >= SSH_PORT_FROM
                    && Integer.parseInt(f[1]) <= SSH_PORT_TO && (lease != null ? f[2].equals(lease)
                            : f[2].matches("(.*-)?order-" + order))) {
                exec(List.of("/usr/bin/docker", "rm", "-f", f[0]));
                System.err.println("removed container " + f[0].substring(0, 12) + " of " + f[2]);
            }
        }
    }

    /**
     * Diagnosis: {@code quickack 1} on the loopback routes of the lease's container (its own network namespace)
     * and of the provider's namespace, so that the kernel acknowledges every segment at once instead of delaying
     * the ACK up to 40 ms; new connections only. Not what the product runs with.
     */
    private static void quickack(String lease) throws Exception {
        String id = exec(List.of("/usr/bin/docker", "ps", "-q", "--filter", "label=org.hamster.lease=" + lease))
                .strip();
        String pid = exec(List.of("/usr/bin/docker", "inspect", "-f", "{{.State.Pid}}", id)).strip();
        for (List<String> in : List.of(List.of("nsenter", "-t", pid, "-n"), List.of("ip", "netns", "exec", NS))) {
            for (String dst : List.of("127.0.0.1", "127.0.0.0/8")) {
                List<String> c = new ArrayList<>(in);
                c.addAll(List.of("ip", "route", "change", "local", dst, "dev", "lo", "table", "local", "proto",
                        "kernel", "scope", "host", "src", "127.0.0.1", "quickack", "1"));
                must(c.toArray(String[]::new));
            }
        }
        System.err.println("diagnosis: quickack 1 on the loopback of container " + id + " and of netns " + NS);
    }

    /** After a failure: the warnings, errors and forwarding lines of each server's log, before it is deleted. */
    private static void logs(List<Path> dirs) {
        for (Path d : dirs) {
            Path log = d.resolve("data/log/karaf.log");
            try {
                if (Files.exists(log)) {
                    List<String> lines = Files.readAllLines(log).stream().filter(l -> l.contains("WARN")
                            || l.contains("ERROR") || l.contains("forward") || l.contains("relay")).toList();
                    System.err.println("---- " + log + " (last warnings, errors, forward and relay lines)");
                    lines.subList(Math.max(0, lines.size() - 25), lines.size()).forEach(l -> System.err.println(
                            l.length() > 400 ? l.substring(0, 400) : l));
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("cannot read " + log + ": " + e);
            }
        }
    }

    // ---- the network namespace

    private static void netns() throws Exception {
        exec(List.of("ip", "netns", "del", NS)); // leftovers of an aborted run
        exec(List.of("ip", "link", "del", HOST_IF));
        try {
            must("ip", "netns", "add", NS);
            must("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", NS_IF);
            must("ip", "link", "set", NS_IF, "netns", NS);
            must("ip", "addr", "add", HOST + "/30", "dev", HOST_IF);
            must("ip", "link", "set", HOST_IF, "up");
            must(ns("ip", "addr", "add", NS_ADDR + "/30", "dev", NS_IF).toArray(String[]::new));
            must(ns("ip", "link", "set", NS_IF, "up").toArray(String[]::new));
            must(ns("ip", "link", "set", "lo", "up").toArray(String[]::new));
        } catch (Exception e) {
            exec(List.of("ip", "netns", "del", NS));
            exec(List.of("ip", "link", "del", HOST_IF));
            throw e;
        }
    }

    private static List<String> ns(String... command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", NS));
        c.addAll(List.of(command));
        return c;
    }

    private static void must(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(List.of(command) + " failed: " + out);
        }
    }

    /** Runs a command; returns its output (stdout and stderr), whatever its exit code. */
    private static String exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1800, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T waitFor(String what, Probe<T> probe) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                T v = probe.get();
                if (v != null) {
                    return v;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out waiting for " + what, last);
    }
}
