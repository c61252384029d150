package org.hamster.backend.docker.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hamster.compute.ComputeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A machine's SSH port on the host's 127.0.0.1: the container itself has no network at all (not even the host's),
 * so every connection accepted here is carried into it through the Engine API, to a {@code busybox nc} that joins
 * the SSH server on the container's own loopback. Tenants thus cannot reach anything of the host.
 */
final class SshRelay implements AutoCloseable {
    static final int INNER_PORT = 2222;
    private static final Logger LOG = LoggerFactory.getLogger(SshRelay.class);
    private final DockerEngine engine;
    private final String containerId;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private SshRelay(DockerEngine engine, String containerId, ServerSocket server) {
        this.engine = engine;
        this.containerId = containerId;
        this.server = server;
    }

    static SshRelay open(DockerEngine engine, String containerId, int port) throws ComputeException {
        ServerSocket s;
        try {
            s = new ServerSocket(port, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new ComputeException("docker: cannot listen on 127.0.0.1:" + port + " for SSH: " + e.getMessage(), e);
        }
        SshRelay relay = new SshRelay(engine, containerId, s);
        Thread t = new Thread(relay::acceptLoop, "hamster-docker-ssh-" + port);
        t.setDaemon(true);
        t.start();
        return relay;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(s);
            try {
                s.setTcpNoDelay(true); // no Nagle delay between the tenant's SSH windows
            } catch (IOException e) {
                // closed already: the exec below finds out
            }
            Runnable done = () -> {
                open.remove(s);
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
            };
            try {
                engine.execPipe(containerId, List.of("/bin/busybox", "nc", "127.0.0.1", String.valueOf(INNER_PORT)),
                        s.getInputStream(), s.getOutputStream(), done);
            } catch (ComputeException | IOException | RuntimeException e) {
                LOG.warn("docker backend: SSH connection into {} failed: {}", containerId, e.getMessage());
                done.run();
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
