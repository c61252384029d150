package org.hamster.backend.docker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SshPortsTest {
    @Test
    void aBoundPortIsNotFree() throws IOException {
        int port;
        try (ServerSocket s = listen()) {
            port = s.getLocalPort();
            assertFalse(SshPorts.free(port));
        }
        assertTrue(SshPorts.free(port));
    }

    @Test
    void readsTheVersionLineAfterAPreamble() throws Exception {
        assertEquals(Optional.of("SSH-2.0-dropbear_2022.83"),
                greet("a preamble line\r\nSSH-2.0-dropbear_2022.83\r\n", Duration.ofSeconds(2)));
        assertEquals(Optional.of("SSH-2.0-OpenSSH_9.2"), greet("SSH-2.0-OpenSSH_9.2\n", Duration.ofSeconds(2)));
    }

    @Test
    void anythingElseIsNoSshServer() throws Exception {
        assertEquals(Optional.empty(), greet("HTTP/1.1 400 Bad Request\r\n\r\n", Duration.ofSeconds(2)));
        assertEquals(Optional.empty(), greet("", Duration.ofMillis(300)), "silent server");
        int port;
        try (ServerSocket s = listen()) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertEquals(Optional.empty(), SshPorts.banner(port, Duration.ofSeconds(5)), "nothing listening");
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "a refused connection is not waited on");
    }

    @Test
    void probesLoopbackOnly() {
        assertEquals("127.0.0.1", SshPorts.loopback().getHostAddress());
    }

    /** The banner probe's answer from a one-shot server on 127.0.0.1 that writes {@code greeting} and idles. */
    private static Optional<String> greet(String greeting, Duration timeout) throws Exception {
        try (ServerSocket server = listen()) {
            Thread t = new Thread(() -> {
                try (Socket c = server.accept()) {
                    OutputStream out = c.getOutputStream();
                    out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(timeout.toMillis() + 500);
                } catch (IOException | InterruptedException e) {
                    // the probe hung up
                }
            });
            t.setDaemon(true);
            t.start();
            return SshPorts.banner(server.getLocalPort(), timeout);
        }
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(SshPorts.loopback(), 0));
        return s;
    }
}
