package org.hamster.itests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.Host;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.Stream;
import org.hamster.provider.forward.ForwardRequest;
import org.hamster.provider.forward.ForwardStatus;

/**
 * The tenant's side of the forward protocol for tests: a local TCP port whose connections are piped through a
 * signed forward stream to the provider, so that a real {@code ssh} client can log in to the leased machine.
 */
final class SshLink implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread acceptor;

    SshLink(Host tenantHost, PeerId provider, long agreement, Ed25519.KeyPair tenant, H256 genesis) throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    Stream stream = tenantHost.newStream(provider, ForwardRequest.PROTOCOL).get(30, TimeUnit.SECONDS);
                    stream.write(ForwardRequest.create(agreement, AccountId.of(tenant.publicKey()), genesis, 60_000)
                            .sign(tenant)).get(30, TimeUnit.SECONDS);
                    byte[] head = stream.read().get(30, TimeUnit.SECONDS);
                    if (head.length < 3 || ForwardStatus.of(head[0]) != ForwardStatus.OK) {
                        System.err.println("forward refused: " + new String(head, StandardCharsets.UTF_8));
                        s.close();
                        stream.reset();
                        continue;
                    }
                    pipe(s, stream, head.length > 3 ? java.util.Arrays.copyOfRange(head, 3, head.length) : new byte[0]);
                } catch (Exception e) {
                    if (!listener.isClosed()) {
                        System.err.println("link: " + e);
                    }
                }
            }
        }, "ssh-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private static void pipe(Socket s, Stream stream, byte[] first) throws IOException {
        if (first.length > 0) {
            s.getOutputStream().write(first);
        }
        Thread up = new Thread(() -> {
            byte[] buf = new byte[16384];
            try {
                for (int n; (n = s.getInputStream().read(buf)) >= 0;) {
                    stream.write(java.util.Arrays.copyOf(buf, n)).get(30, TimeUnit.SECONDS);
                }
                stream.closeWrite();
            } catch (Exception e) {
                stream.reset();
            }
        }, "ssh-link-up");
        Thread down = new Thread(() -> {
            try {
                for (byte[] chunk; (chunk = stream.read().get(300, TimeUnit.SECONDS)).length > 0;) {
                    s.getOutputStream().write(chunk);
                }
                s.shutdownOutput();
            } catch (Exception e) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }, "ssh-link-down");
        up.setDaemon(true);
        down.setDaemon(true);
        up.start();
        down.start();
    }

    /** Runs {@code command} on the machine with the real ssh client; returns its output (exit code checked). */
    String ssh(Path key, String command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-i", key.toString(), "-p", String.valueOf(port()),
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
        listener.close();
    }
}
