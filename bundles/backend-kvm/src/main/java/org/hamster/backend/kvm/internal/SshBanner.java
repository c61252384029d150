package org.hamster.backend.kvm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for an SSH server behind a forwarded port. QEMU's user-mode networking accepts on the host port as soon
 * as QEMU runs, long before the guest listens, so a connection proves nothing: only the server's "SSH-" banner
 * does.
 */
final class SshBanner {
    private static final int CONNECT_TIMEOUT_MS = 1000;
    private static final int READ_TIMEOUT_MS = 2000;
    private static final long PAUSE_MS = 250;

    private SshBanner() {
    }

    /**
     * Polls 127.0.0.1:port until it sends an SSH banner (true), the deadline passes or {@code stillWorthIt} says
     * the machine is gone (false).
     */
    static boolean await(int port, Instant deadline, BooleanSupplier stillWorthIt) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            if (answers(port)) {
                return true;
            }
            if (!stillWorthIt.getAsBoolean()) {
                return false;
            }
            Thread.sleep(Math.max(0, Math.min(PAUSE_MS, Duration.between(Instant.now(), deadline).toMillis())));
        }
        return answers(port);
    }

    /** One try: connects and reads the first line, which must start with "SSH-". */
    static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            InputStream in = s.getInputStream();
            byte[] line = new byte[255];
            int n = 0;
            while (n < line.length) {
                int b = in.read();
                if (b < 0 || b == '\n') {
                    break;
                }
                line[n++] = (byte) b;
            }
            return new String(line, 0, n, StandardCharsets.US_ASCII).startsWith("SSH-");
        } catch (IOException e) {
            return false;
        }
    }
}
