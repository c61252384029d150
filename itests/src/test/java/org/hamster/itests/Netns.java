package org.hamster.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace the test creates, joined to the host by a veth pair on a private /30: the host side owns
 * {@link #hostAddress()}, the namespace {@link #nsAddress()}, and the namespace has its own loopback. A process
 * started in it reaches the host only at the host address, and its 127.0.0.1 is not the host's: a provider there
 * is "behind NAT" for tenants on the host. Needs root (ip netns).
 */
final class Netns implements AutoCloseable {
    private final String name;
    private final String hostIf;
    private final String subnet;

    private Netns(String name, String hostIf, String subnet) {
        this.name = name;
        this.hostIf = hostIf;
        this.subnet = subnet;
    }

    /** Creates namespace {@code name} with 10.213.{@code octet}.1 on the host side and .2 inside. */
    static Netns create(String name, int octet) throws IOException, InterruptedException {
        String hostIf = "hm" + octet + "h";
        String nsIf = "hm" + octet + "n";
        String subnet = "10.213." + octet + ".";
        run("ip", "netns", "del", name); // leftovers of an aborted run
        run("ip", "link", "del", hostIf);
        Netns ns = new Netns(name, hostIf, subnet);
        ns.must("ip", "netns", "add", name);
        ns.must("ip", "link", "add", hostIf, "type", "veth", "peer", "name", nsIf);
        ns.must("ip", "link", "set", nsIf, "netns", name);
        ns.must("ip", "addr", "add", subnet + "1/30", "dev", hostIf);
        ns.must("ip", "link", "set", hostIf, "up");
        ns.must(ns.exec("ip", "addr", "add", subnet + "2/30", "dev", nsIf));
        ns.must(ns.exec("ip", "link", "set", nsIf, "up"));
        ns.must(ns.exec("ip", "link", "set", "lo", "up"));
        return ns;
    }

    String hostAddress() {
        return subnet + "1";
    }

    String nsAddress() {
        return subnet + "2";
    }

    /** {@code command} run inside the namespace. */
    List<String> exec(String... command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name));
        c.addAll(List.of(command));
        return c;
    }

    List<String> exec(List<String> command) {
        return exec(command.toArray(String[]::new));
    }

    private void must(String... command) throws IOException, InterruptedException {
        must(List.of(command));
    }

    private void must(List<String> command) throws IOException, InterruptedException {
        String out = run(command.toArray(String[]::new));
        if (out != null) {
            close();
            throw new IOException(command + " failed: " + out);
        }
    }

    /** Runs a command; null on success, else its output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("ip", "netns", "del", name);
        run("ip", "link", "del", hostIf);
    }
}
