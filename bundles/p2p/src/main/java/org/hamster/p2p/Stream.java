package org.hamster.p2p;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A bidirectional byte stream over a {@link Connection}, speaking one protocol. Flow control is end to end: data
 * the application does not {@link #read()} stays in a receive window of bounded size and the remote stops
 * sending; writes wait for the remote's window, and {@link #isWritable()}/{@link #whenWritable()} tell a writer
 * when to pause. Futures complete on the connection's I/O thread.
 */
@ProviderType
public interface Stream {
    /** The protocol agreed for this stream, e.g. {@code /ipfs/ping/1.0.0}. */
    String protocol();

    Connection connection();

    /**
     * The next chunk of data, of any non-zero size; an empty array once the remote has closed its side (end of
     * stream). Fails with {@link P2pException} ({@code STREAM_RESET}, {@code CONNECTION_CLOSED}) when the stream
     * breaks. Only one read may be pending at a time.
     */
    CompletableFuture<byte[]> read();

    /**
     * Queues a copy of {@code data}; completes when it has been handed to the connection within the remote's
     * window. Writers of large amounts wait for each future (or for {@link #whenWritable()}) before writing more.
     */
    CompletableFuture<Void> write(byte[] data);

    CompletableFuture<Void> write(ByteBuffer data);

    /** True while the queue of unsent writes is below its high-water mark. */
    boolean isWritable();

    /** Completes when {@link #isWritable()} becomes true (at once if it is). */
    CompletableFuture<Void> whenWritable();

    /** Half-close: sends end-of-stream after the queued writes; reading continues. */
    CompletableFuture<Void> closeWrite();

    /** Graceful close: end-of-stream after the queued writes, then stop reading and release the stream. */
    CompletableFuture<Void> close();

    /** Abort both directions at once; queued writes are dropped and the remote sees a reset. */
    void reset();

    boolean isOpen();

    /** Completes when the stream is fully closed or reset. */
    CompletableFuture<Void> closeFuture();
}
