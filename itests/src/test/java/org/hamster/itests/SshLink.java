package org.hamster.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.H256;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.Host;
import org.hamster.p2p.PeerId;
import org.hamster.forward.ForwardLink;

/**
 * The tenant's side for tests: a {@link ForwardLink} (a 127.0.0.1 port piped through signed forward streams to
 * the provider) and the real {@code ssh} client pointed at it.
 */
final class SshLink implements AutoCloseable {
    private final ForwardLink link;

    SshLink(Host tenantHost, PeerId provider, long agreement, Ed25519.KeyPair tenant, H256 genesis) throws IOException {
        link = ForwardLink.open(tenantHost, provider, agreement, tenant, genesis, 0);
    }

    int port() {
        return link.port();
    }

    /** Runs {@code command} on the machine with the real ssh client; returns its output (exit code checked). */
    String ssh(Path key, String command) throws IOException, InterruptedException {
        return ssh(key, port(), command);
    }

    /** The real ssh client as root@127.0.0.1:{@code port}; returns the output (exit code checked). */
    static String ssh(Path key, int port, String command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-i", key.toString(), "-p", String.valueOf(port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=20", "-o", "LogLevel=ERROR", "root@127.0.0.1", command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh failed (" + (p.isAlive() ? "timeout" : "exit " + p.exitValue()) + "): " + out);
        }
        return out;
    }

    /** A fresh ed25519 key pair made by ssh-keygen: returns the private key file; the public one is next to it. */
    static Path keygen(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path key = dir.resolve("tenant_ed25519");
        Files.deleteIfExists(key);
        Files.deleteIfExists(dir.resolve("tenant_ed25519.pub"));
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "tenant@itest", "-f",
                key.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ssh-keygen failed: " + out);
        }
        return key;
    }

    @Override
    public void close() throws IOException {
        link.close();
    }
}
