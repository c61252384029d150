package org.hamster.forward;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hamster.p2p.Stream;

/**
 * Copies a TCP connection and a libp2p stream into each other until both directions end, with one read in flight
 * per direction (a slow side slows the other, nothing piles up). The end of one direction is passed on (FIN /
 * shutdownOutput); a failure on either side resets the stream and closes the socket.
 */
public final class SocketPipe {
    private static final int CHUNK = 64 * 1024;
    private final Stream stream;
    private final AsynchronousSocketChannel socket;
    private final ByteBuffer in = ByteBuffer.allocate(CHUNK);
    private final AtomicInteger ended = new AtomicInteger();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final LongAdder toStream;
    private final LongAdder toSocket;

    private SocketPipe(Stream stream, AsynchronousSocketChannel socket, LongAdder toStream, LongAdder toSocket) {
        this.stream = stream;
        this.socket = socket;
        this.toStream = toStream;
        this.toSocket = toSocket;
    }

    /** Starts copying; the future completes when both directions ended (normally or not). */
    public static CompletableFuture<Void> start(Stream stream, AsynchronousSocketChannel socket) {
        return start(stream, socket, new LongAdder(), new LongAdder());
    }

    /** As {@link #start(Stream, AsynchronousSocketChannel)}, adding the bytes copied each way to the counters. */
    static CompletableFuture<Void> start(Stream stream, AsynchronousSocketChannel socket, LongAdder toStream,
            LongAdder toSocket) {
        try { // interactive SSH and window-sized bulk writes both suffer from Nagle's delay on a relayed path
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException | UnsupportedOperationException e) {
            // not a TCP socket (tests), or already closed: the copy finds out
        }
        SocketPipe p = new SocketPipe(stream, socket, toStream, toSocket);
        p.socketToStream();
        p.streamToSocket();
        return p.done;
    }

    /** Writes all of {@code buf} to {@code socket}. */
    public static CompletableFuture<Void> writeAll(AsynchronousSocketChannel socket, ByteBuffer buf) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        socket.write(buf, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                if (buf.hasRemaining()) {
                    socket.write(buf, null, this);
                } else {
                    f.complete(null);
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    public static void close(AsynchronousSocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void socketToStream() {
        in.clear();
        socket.read(in, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                if (n < 0) {
                    stream.closeWrite().whenComplete((v, e) -> directionEnded(e));
                    return;
                }
                in.flip();
                byte[] chunk = new byte[in.remaining()];
                in.get(chunk);
                toStream.add(chunk.length);
                stream.write(chunk).whenComplete((v, e) -> {
                    if (e != null) {
                        abort();
                    } else {
                        socketToStream();
                    }
                });
            }

            @Override
            public void failed(Throwable e, Void a) {
                abort();
            }
        });
    }

    private void streamToSocket() {
        stream.read().whenComplete((chunk, e) -> {
            if (e != null) {
                abort();
            } else if (chunk.length == 0) {
                try {
                    socket.shutdownOutput();
                    directionEnded(null);
                } catch (IOException x) {
                    abort();
                }
            } else {
                toSocket.add(chunk.length);
                writeAll(socket, ByteBuffer.wrap(chunk)).whenComplete((v, x) -> {
                    if (x != null) {
                        abort();
                    } else {
                        streamToSocket();
                    }
                });
            }
        });
    }

    private void directionEnded(Throwable e) {
        if (e != null) {
            abort();
        } else if (ended.incrementAndGet() == 2) {
            close(socket);
            stream.close();
            done.complete(null);
        }
    }

    private void abort() {
        close(socket);
        stream.reset();
        done.complete(null);
    }
}
