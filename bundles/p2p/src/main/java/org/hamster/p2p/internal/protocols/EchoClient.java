package org.hamster.p2p.internal.protocols;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.Stream;

/**
 * Drives an echo stream: writes {@code total} bytes of a position-dependent pattern in 64 KiB writes (each
 * waiting for the previous one), half-closes, and checks every byte that comes back. Completes with the time
 * from the first write to the echo's end of stream.
 */
public final class EchoClient {
    static final int CHUNK = 64 * 1024;
    private final Stream stream;
    private final long total;
    private final CompletableFuture<Duration> result = new CompletableFuture<>();
    private long written;
    private long received;
    private long start;

    private EchoClient(Stream stream, long total) {
        this.stream = stream;
        this.total = total;
    }

    public static CompletableFuture<Duration> run(Stream stream, long total) {
        EchoClient c = new EchoClient(stream, total);
        c.start = System.nanoTime();
        c.writeNext();
        c.readNext();
        return c.result;
    }

    /** The byte at {@code position} of the pattern. */
    public static byte patternAt(long position) {
        return (byte) (position ^ (position >>> 11) ^ (position >>> 23) ^ 0x5A);
    }

    private void writeNext() {
        if (result.isDone()) {
            return;
        }
        if (written == total) {
            stream.closeWrite().exceptionally(this::fail);
            return;
        }
        int n = (int) Math.min(CHUNK, total - written);
        byte[] chunk = new byte[n];
        for (int i = 0; i < n; i++) {
            chunk[i] = patternAt(written + i);
        }
        written += n;
        stream.write(chunk).thenRun(this::writeNext).exceptionally(this::fail);
    }

    private void readNext() {
        stream.read().thenAccept(chunk -> {
            if (chunk.length == 0) {
                if (received == total) {
                    result.complete(Duration.ofNanos(System.nanoTime() - start));
                    stream.close();
                } else {
                    fail(new P2pException(P2pException.Reason.PROTOCOL_ERROR, "echo ended after " + received
                            + " of " + total + " bytes"));
                }
                return;
            }
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] != patternAt(received + i)) {
                    fail(new P2pException(P2pException.Reason.PROTOCOL_ERROR,
                            "echo differs at byte " + (received + i)));
                    return;
                }
            }
            received += chunk.length;
            if (received > total) {
                fail(new P2pException(P2pException.Reason.PROTOCOL_ERROR, "echo returned more than was sent"));
                return;
            }
            readNext();
        }).exceptionally(this::fail);
    }

    private Void fail(Throwable e) {
        if (result.completeExceptionally(e)) {
            stream.reset();
        }
        return null;
    }
}
