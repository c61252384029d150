package org.hamster.bench;

import java.util.List;

/** Entry point of {@code bench/run}: runs the named benchmarks and prints their results as Markdown. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // before any Netty class loads (bench/run passes it too): the p2p benchmark measures throughput, not tracking
        System.setProperty("io.netty.leakDetection.level", "disabled");
        List<String> which = args.length == 0 ? List.of("all") : List.of(args);
        boolean all = which.contains("all");
        Report report = new Report();
        report.machine();
        if (all || which.contains("tx")) {
            new TxThroughput(20_000, 2_000).run(report);
        }
        if (all || which.contains("node")) {
            new NodeStartup().run(report);
        }
        if (all || which.contains("p2p")) {
            new P2pThroughput(256L << 20).run(report);
        }
        // leases need a running dockerd (and libvirtd for kvm): not part of "all"
        if (which.contains("lease") || which.contains("lease-docker")) {
            new LeaseLatency("docker", 5).run(report);
        }
        if (which.contains("lease") || which.contains("lease-kvm")) {
            new LeaseLatency("kvm", 3).run(report);
        }
        // scp through a tenant's link (node, gateway, provider in a network namespace, client): needs dockerd, root
        if (which.contains("link")) {
            new LinkThroughput(3, 200_000_000L).run(report);
        }
        report.print();
    }
}
