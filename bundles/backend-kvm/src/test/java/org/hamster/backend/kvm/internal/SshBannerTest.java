package org.hamster.backend.kvm.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SshBannerTest {
    @Test
    void anAcceptedConnectionIsNotEnoughTheBannerIs() throws Exception {
        // like QEMU's user-mode forward before the guest listens: accept, then close without a word
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = serve(silent, null);
            assertFalse(SshBanner.answers(silent.getLocalPort()));
            t.interrupt();
        }
        try (ServerSocket ssh = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            serve(ssh, "SSH-2.0-dropbear_2022.83\r\n");
            assertTrue(SshBanner.answers(ssh.getLocalPort()));
        }
        try (ServerSocket http = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            serve(http, "HTTP/1.1 400 Bad Request\r\n");
            assertFalse(SshBanner.answers(http.getLocalPort()));
        }
    }

    @Test
    void awaitGivesUpAtTheDeadlineOrWhenTheMachineIsGone() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        assertFalse(SshBanner.await(port, Instant.now().plusMillis(600), () -> true));
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 500);
        AtomicInteger asked = new AtomicInteger();
        t0 = System.nanoTime();
        assertFalse(SshBanner.await(port, Instant.now().plusSeconds(30), () -> asked.incrementAndGet() < 2));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
    }

    private static Thread serve(ServerSocket server, String banner) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    if (banner != null) {
                        s.getOutputStream().write(banner.getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
