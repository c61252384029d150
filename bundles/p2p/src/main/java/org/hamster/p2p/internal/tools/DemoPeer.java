package org.hamster.p2p.internal.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hamster.p2p.Connection;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.IdentityFiles;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.PeerInfo;
import org.hamster.p2p.RelayConfig;
import org.hamster.p2p.internal.protocols.EchoClient;
import org.hamster.p2p.internal.protocols.EchoProtocol;

/**
 * A libp2p peer for interop scripts. Every line it prints starts with a keyword, so a script can wait for it:
 * <pre>
 *   listen [--host 127.0.0.1] [--port 0] [--key FILE] [--relay-service] [--via RELAY_MULTIADDR]
 *       LISTEN /ip4/127.0.0.1/tcp/40123/p2p/12D3KooW...   then serves ping, identify and /hamster/echo/1.0.0
 *       until killed (or until stdin ends, with --stdin); --relay-service also serves circuit relay v2 (hop)
 *       with the default limits; --via reserves a slot on that relay (.../p2p/RELAY) and prints a second
 *       LISTEN line with the /p2p-circuit address
 *   dial MULTIADDR (also .../p2p/RELAY/p2p-circuit/p2p/PEER)
 *       [--ping N] [--identify] [--echo BYTES] [--key FILE]
 *       CONNECTED &lt;peer&gt;, PING-OK rtt_ms=..., IDENTIFY-OK agent=... protocols=...,
 *       ECHO-OK bytes=... ms=... mib_per_s=...; exit status 0, or FAIL &lt;reason&gt; and status 1
 * </pre>
 * Run it with the bundle, its dependencies and an SLF4J binding on the class path.
 */
public final class DemoPeer {
    private DemoPeer() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, PrintStream out) throws Exception {
        if (args.length < 1 || !(args[0].equals("listen") || args[0].equals("dial") && args.length >= 2)) {
            System.err.println("usage: DemoPeer listen [--host H] [--port P] [--key FILE] [--stdin] [--relay-service]"
                    + " [--via RELAY_MULTIADDR]\n"
                    + "       DemoPeer dial MULTIADDR [--ping N] [--identify] [--echo BYTES] [--key FILE]");
            return 2;
        }
        Map<String, String> opts = options(args, args[0].equals("dial") ? 2 : 1);
        Identity identity = opts.containsKey("key") ? IdentityFiles.loadOrCreate(Path.of(opts.get("key")))
                : Identity.generate();
        HostConfig config = HostConfig.builder(identity)
                .relay(opts.containsKey("relay-service") ? RelayConfig.defaults() : null).build();
        try (Host host = Hosts.create(config)) {
            host.setStreamHandler(EchoProtocol.ID, EchoProtocol::serve);
            return args[0].equals("listen") ? listen(host, opts, out) : dial(host, Multiaddr.parse(args[1]), opts, out);
        }
    }

    private static int listen(Host host, Map<String, String> opts, PrintStream out) throws Exception {
        String ip = opts.getOrDefault("host", "127.0.0.1");
        String family = ip.contains(":") ? "ip6" : "ip4";
        String port = opts.getOrDefault("port", "0");
        Multiaddr bound = host.listen(Multiaddr.parse("/" + family + "/" + ip + "/tcp/" + port))
                .get(10, TimeUnit.SECONDS);
        say(out, "LISTEN " + bound.withPeerId(host.peerId()));
        if (opts.containsKey("via")) {
            Multiaddr circuit = host.listen(Multiaddr.parse(opts.get("via")).encapsulate(
                    Multiaddr.parse("/p2p-circuit"))).get(20, TimeUnit.SECONDS);
            say(out, "LISTEN " + circuit.withPeerId(host.peerId()));
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        if (opts.containsKey("stdin")) {
            while (System.in.read() >= 0) {
                // wait for the end of stdin
            }
            stop.countDown();
        }
        stop.await();
        return 0;
    }

    private static int dial(Host host, Multiaddr target, Map<String, String> opts, PrintStream out) {
        try {
            Connection c = host.dial(target).get(20, TimeUnit.SECONDS);
            say(out, "CONNECTED " + c.remotePeer());
            int pings = Integer.parseInt(opts.getOrDefault("ping", "1"));
            for (int i = 0; i < pings; i++) {
                Duration rtt = host.ping(c.remotePeer()).get(20, TimeUnit.SECONDS);
                say(out, "PING-OK rtt_ms=" + String.format("%.3f", rtt.toNanos() / 1e6));
            }
            if (opts.containsKey("identify")) {
                PeerInfo info = host.identify(c.remotePeer()).get(20, TimeUnit.SECONDS);
                say(out, "IDENTIFY-OK agent=" + info.agentVersion() + " protocols="
                        + String.join(",", info.protocols()));
            }
            if (opts.containsKey("echo")) {
                long bytes = Long.parseLong(opts.get("echo"));
                Duration d = c.newStream(EchoProtocol.ID).thenCompose(s -> EchoClient.run(s, bytes))
                        .get(600, TimeUnit.SECONDS);
                double ms = d.toNanos() / 1e6;
                say(out, "ECHO-OK bytes=" + bytes + " ms=" + String.format("%.1f", ms) + " mib_per_s="
                        + String.format("%.1f", bytes / 1048576.0 / (ms / 1000)));
            }
            return 0;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            say(out, "FAIL " + cause.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> out = new HashMap<>();
        List<String> flags = new ArrayList<>(List.of("--identify", "--stdin", "--relay-service"));
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            out.put(name, flags.contains(args[i]) ? "true" : args[++i]);
        }
        return out;
    }

    private static void say(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }
}
