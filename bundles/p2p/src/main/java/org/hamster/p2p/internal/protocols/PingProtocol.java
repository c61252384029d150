package org.hamster.p2p.internal.protocols;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.Stream;

/** {@code /ipfs/ping/1.0.0}: the dialer sends 32 random bytes, the listener echoes them, as often as asked. */
public final class PingProtocol {
    public static final String ID = "/ipfs/ping/1.0.0";
    static final int SIZE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PingProtocol() {
    }

    /** Echoes 32-byte pings until the remote closes its side. */
    public static void serve(Stream stream) {
        echo(stream, new StreamReader(stream));
    }

    private static void echo(Stream stream, StreamReader reader) {
        reader.readExactly(SIZE).thenCompose(ping -> ping == null
                ? stream.close().thenApply(v -> false)
                : stream.write(ping).thenApply(v -> true)).whenComplete((more, e) -> {
                    if (e != null) {
                        stream.reset();
                    } else if (more) {
                        echo(stream, reader);
                    }
                });
    }

    /** One round trip on a fresh ping stream, which is closed afterwards (reset on failure). */
    public static CompletableFuture<Duration> ping(Stream stream) {
        byte[] payload = new byte[SIZE];
        RANDOM.nextBytes(payload);
        long start = System.nanoTime();
        return stream.write(payload).thenCompose(v -> new StreamReader(stream).readExactly(SIZE)).thenApply(echo -> {
            if (echo == null || !Arrays.equals(echo, payload)) {
                throw new CompletionException(new P2pException(P2pException.Reason.PROTOCOL_ERROR,
                        echo == null ? "the ping stream ended without an answer" : "the ping answer differs"));
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }).whenComplete((d, e) -> {
            if (e == null) {
                stream.close();
            } else {
                stream.reset();
            }
        });
    }
}
