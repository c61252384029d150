package org.hamster.forward;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hamster.p2p.Stream;

/**
 * Copies a TCP connection and a libp2p stream into each other until both directions end. Each direction keeps
 * reading while the other side is writing, within a bound: socket reads continue while the stream is writable
 * (below its high-water mark, which the remote's window holds back), and stream chunks are read ahead up to
 * {@link #SOCKET_BACKLOG} bytes and written to the socket together (a gathering write). So a slow side still slows
 * the other, but a round trip no longer carries one chunk at a time. The end of one direction is passed on (FIN /
 * shutdownOutput); a failure on either side resets the stream and closes the socket.
 */
public final class SocketPipe {
    private static final int CHUNK = 128 * 1024;
    static final int SOCKET_BACKLOG = 512 * 1024;
    private final Stream stream;
    private final AsynchronousSocketChannel socket;
    private final ByteBuffer in = ByteBuffer.allocateDirect(CHUNK);
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>(); // guarded by itself, with the fields below
    private long outBytes;
    private boolean outEnded;
    private boolean writing;
    private boolean reading;
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicBoolean aborted = new AtomicBoolean();
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
        synchronized (p.out) {
            p.reading = true;
        }
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
                toStream.add(n);
                stream.write(in).whenComplete((v, e) -> { // the stream has copied the bytes: `in` is free again
                    if (e != null) {
                        abort();
                    }
                });
                if (stream.isWritable()) {
                    socketToStream();
                } else {
                    stream.whenWritable().whenComplete((v, e) -> socketToStream());
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                abort();
            }
        });
    }

    /** Reads the next chunk of the stream; called with {@code reading} set. */
    private void streamToSocket() {
        stream.read().whenComplete((chunk, e) -> {
            if (e != null) {
                abort();
                return;
            }
            boolean write;
            boolean more;
            synchronized (out) {
                if (chunk.length == 0) {
                    outEnded = true;
                } else {
                    out.add(ByteBuffer.wrap(chunk));
                    outBytes += chunk.length;
                    toSocket.add(chunk.length);
                }
                write = !writing;
                writing = true;
                more = !outEnded && outBytes < SOCKET_BACKLOG;
                reading = more;
            }
            if (more) {
                streamToSocket();
            }
            if (write) {
                flushToSocket();
            }
        });
    }

    /** Writes what the stream gave so far in one gathering write; called with {@code writing} set. */
    private void flushToSocket() {
        ByteBuffer[] bufs;
        boolean shutdown = false;
        synchronized (out) {
            bufs = out.toArray(new ByteBuffer[0]);
            if (bufs.length == 0) {
                writing = false;
                shutdown = outEnded;
            }
        }
        if (bufs.length == 0) {
            if (shutdown) {
                shutdownOutput();
            }
            return;
        }
        socket.write(bufs, 0, bufs.length, 0L, TimeUnit.MILLISECONDS, null, new CompletionHandler<Long, Void>() {
            @Override
            public void completed(Long n, Void a) {
                boolean resume;
                synchronized (out) {
                    while (!out.isEmpty() && !out.peek().hasRemaining()) {
                        out.poll();
                    }
                    outBytes -= n;
                    resume = !reading && !outEnded && outBytes < SOCKET_BACKLOG;
                    reading |= resume;
                }
                if (resume) {
                    streamToSocket();
                }
                flushToSocket();
            }

            @Override
            public void failed(Throwable e, Void a) {
                abort();
            }
        });
    }

    private void shutdownOutput() {
        try {
            socket.shutdownOutput();
            directionEnded(null);
        } catch (IOException x) {
            abort();
        }
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
        if (aborted.compareAndSet(false, true)) {
            close(socket);
            stream.reset();
            done.complete(null);
        }
    }
}
