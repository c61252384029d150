package org.hamster.backend.docker.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.hamster.compute.Machine;

/** Probes of the 127.0.0.1 ports machines serve SSH on. */
final class SshPorts {
    /** RFC 4253: a server may send lines before its version line; the whole preamble is short. */
    private static final int MAX_PREAMBLE = 8192;

    private SshPorts() {
    }

    /** 127.0.0.1 ({@link Machine#SSH_HOST}), also when the JVM prefers IPv6. */
    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(Machine.SSH_HOST, new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong address length
        }
    }

    /** Whether nothing listens on 127.0.0.1:{@code port} (nor on the wildcard address at that port). */
    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(loopback(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The SSH version line ({@code SSH-2.0-...}) the server on 127.0.0.1:{@code port} greets with, or empty if
     * nothing answers, or something that is not SSH, within {@code timeout}.
     */
    static Optional<String> banner(int port, Duration timeout) {
        try (Socket s = new Socket()) {
            int millis = (int) Math.max(1, timeout.toMillis());
            s.connect(new InetSocketAddress(loopback(), port), millis);
            s.setSoTimeout(millis);
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int read = 0; read < MAX_PREAMBLE; read++) {
                int c = in.read();
                if (c < 0) {
                    return Optional.empty();
                }
                if (c == '\n') {
                    String text = line.toString().strip();
                    if (text.startsWith("SSH-")) {
                        return Optional.of(text);
                    }
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
