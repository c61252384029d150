package org.hamster.p2p.internal.protocols;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.Stream;

/** Reads whole messages from a {@link Stream} that delivers chunks of any size, keeping what is left over. */
public final class StreamReader {
    private final Stream stream;
    private byte[] leftover = new byte[0];

    public StreamReader(Stream stream) {
        this.stream = stream;
    }

    /** Bytes read from the stream but not returned yet; they are dropped from this reader. */
    public byte[] takeLeftover() {
        byte[] l = leftover;
        leftover = new byte[0];
        return l;
    }

    /**
     * Exactly {@code n} bytes; null when the stream ends before the first of them, a failure when it ends inside.
     */
    public CompletableFuture<byte[]> readExactly(int n) {
        ByteArrayOutputStream acc = new ByteArrayOutputStream(n);
        return fill(acc, n);
    }

    /** A varint length prefix, then that many bytes (at most {@code max}); null when the stream ends first. */
    public CompletableFuture<byte[]> readLengthPrefixed(int max) {
        return readVarint(0, 0).thenCompose(len -> {
            if (len == null) {
                return CompletableFuture.completedFuture(null);
            }
            if (len > max) {
                throw new CompletionException(new P2pException(P2pException.Reason.PROTOCOL_ERROR,
                        "message of " + len + " bytes exceeds " + max));
            }
            return readExactly(len.intValue()).thenApply(b -> {
                if (b == null && len > 0) {
                    throw truncated();
                }
                return b == null ? new byte[0] : b;
            });
        });
    }

    private CompletableFuture<Long> readVarint(long value, int shift) {
        return readExactly(1).thenCompose(b -> {
            if (b == null) {
                if (shift == 0) {
                    return CompletableFuture.completedFuture(null);
                }
                throw truncated();
            }
            long v = value | (long) (b[0] & 0x7F) << shift;
            if ((b[0] & 0x80) == 0) {
                return CompletableFuture.completedFuture(v);
            }
            if (shift >= 56) {
                throw new CompletionException(new P2pException(P2pException.Reason.PROTOCOL_ERROR, "bad varint"));
            }
            return readVarint(v, shift + 7);
        });
    }

    private CompletableFuture<byte[]> fill(ByteArrayOutputStream acc, int n) {
        int take = Math.min(n - acc.size(), leftover.length);
        acc.write(leftover, 0, take);
        leftover = Arrays.copyOfRange(leftover, take, leftover.length);
        if (acc.size() == n) {
            return CompletableFuture.completedFuture(acc.toByteArray());
        }
        return stream.read().thenCompose(chunk -> {
            if (chunk.length == 0) {
                if (acc.size() == 0) {
                    return CompletableFuture.completedFuture(null);
                }
                throw truncated();
            }
            leftover = chunk;
            return fill(acc, n);
        });
    }

    private static CompletionException truncated() {
        return new CompletionException(new P2pException(P2pException.Reason.PROTOCOL_ERROR,
                "the stream ended inside a message"));
    }
}
