package org.hamster.provider.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.compute.Machine;
import org.hamster.p2p.Stream;
import org.hamster.provider.forward.ForwardRequest;
import org.hamster.provider.forward.ForwardStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@value ForwardRequest#PROTOCOL}: checks the opening request (signature, chain, expiry, replay, that the
 * signer is the tenant of a running agreement of ours), answers one status, and on OK pipes the stream to the
 * machine's SSH port on 127.0.0.1 in both directions with backpressure (one read in flight per direction).
 */
final class ForwardService {
    /** Where the machine of a running agreement answers, if the signer is its tenant. */
    interface Access {
        Optional<Integer> sshPort(long agreement, AccountId tenant);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ForwardService.class);
    private static final long MAX_VALIDITY_MS = 10 * 60_000;
    private static final int CHUNK = 64 * 1024;
    private final H256 genesis;
    private final Access access;
    private final LongSupplier clock;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    ForwardService(H256 genesis, Access access, LongSupplier clock) {
        this.genesis = genesis;
        this.access = access;
        this.clock = clock;
    }

    void serve(Stream stream) {
        readExactly(stream, new byte[0], ForwardRequest.LENGTH).whenComplete((bytes, e) -> {
            if (e != null) {
                stream.reset();
                return;
            }
            byte[] head = Arrays.copyOf(bytes, ForwardRequest.LENGTH);
            byte[] leftover = Arrays.copyOfRange(bytes, ForwardRequest.LENGTH, bytes.length);
            ForwardRequest request;
            try {
                request = ForwardRequest.verify(head);
            } catch (IllegalArgumentException x) {
                refuse(stream, ForwardStatus.BAD_REQUEST, x.getMessage());
                return;
            }
            Refusal refusal = check(request);
            if (refusal != null) {
                refuse(stream, refusal.status(), refusal.reason());
                return;
            }
            Optional<Integer> port = access.sshPort(request.agreement(), request.tenant());
            if (port.isEmpty()) {
                refuse(stream, ForwardStatus.NOT_ALLOWED, "no running agreement " + request.agreement()
                        + " of this provider with tenant " + request.tenant());
                return;
            }
            connect(stream, request, port.get(), leftover);
        });
    }

    private record Refusal(ForwardStatus status, String reason) {
    }

    /** Why a request fails the chain, expiry or replay checks; null if it passes (its nonce is then used up). */
    private Refusal check(ForwardRequest r) {
        long now = clock.getAsLong();
        seen.values().removeIf(expiry -> expiry < now);
        if (!r.genesis().equals(genesis)) {
            return new Refusal(ForwardStatus.WRONG_CHAIN, "the request is for chain " + r.genesis()
                    + ", this provider serves " + genesis);
        }
        if (r.expiresAtMs() < now) {
            return new Refusal(ForwardStatus.EXPIRED, "the request expired " + (now - r.expiresAtMs()) + " ms ago");
        }
        if (r.expiresAtMs() > now + MAX_VALIDITY_MS) {
            return new Refusal(ForwardStatus.EXPIRED, "the request is valid for more than " + MAX_VALIDITY_MS / 1000
                    + " s");
        }
        if (seen.putIfAbsent(r.nonceHex(), r.expiresAtMs()) != null) {
            return new Refusal(ForwardStatus.REPLAYED, "this request was used before");
        }
        return null;
    }

    private void connect(Stream stream, ForwardRequest request, int port, byte[] leftover) {
        AsynchronousSocketChannel socket;
        try {
            socket = AsynchronousSocketChannel.open();
        } catch (java.io.IOException e) {
            refuse(stream, ForwardStatus.UNAVAILABLE, "cannot open a socket: " + e.getMessage());
            return;
        }
        socket.connect(new InetSocketAddress(Machine.SSH_HOST, port), null, new CompletionHandler<Void, Void>() {
            @Override
            public void completed(Void v, Void a) {
                LOG.info("provider: forwarding agreement {} for {} to {}:{}", request.agreement(), request.tenant(),
                        Machine.SSH_HOST, port);
                stream.write(ForwardStatus.OK.encode("")).thenCompose(x -> leftover.length == 0
                        ? CompletableFuture.completedFuture(null) : writeAll(socket, ByteBuffer.wrap(leftover)))
                        .whenComplete((x, e) -> {
                            if (e != null) {
                                close(socket);
                                stream.reset();
                            } else {
                                new Pipe(stream, socket).start();
                            }
                        });
            }

            @Override
            public void failed(Throwable e, Void a) {
                close(socket);
                refuse(stream, ForwardStatus.UNAVAILABLE, "the machine's SSH port does not answer: " + e);
            }
        });
    }

    private static void refuse(Stream stream, ForwardStatus status, String reason) {
        LOG.info("provider: forward refused ({}): {}", status, reason);
        stream.write(status.encode(reason)).thenCompose(v -> stream.close()).whenComplete((v, e) -> {
            if (e != null) {
                stream.reset();
            }
        });
    }

    /** Reads until {@code have} holds at least {@code n} bytes (what came with them is kept). */
    private static CompletableFuture<byte[]> readExactly(Stream s, byte[] have, int n) {
        if (have.length >= n) {
            return CompletableFuture.completedFuture(have);
        }
        return s.read().thenCompose(chunk -> {
            if (chunk.length == 0) {
                throw new IllegalStateException("the stream ended inside the forward request");
            }
            byte[] more = Arrays.copyOf(have, have.length + chunk.length);
            System.arraycopy(chunk, 0, more, have.length, chunk.length);
            return readExactly(s, more, n);
        });
    }

    static CompletableFuture<Void> writeAll(AsynchronousSocketChannel socket, ByteBuffer buf) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        socket.write(buf, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                if (buf.hasRemaining()) {
                    socket.write(buf, null, this);
                } else {
                    done.complete(null);
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    static void close(AsynchronousSocketChannel socket) {
        try {
            socket.close();
        } catch (java.io.IOException ignored) {
            // closing
        }
    }

    /** Both directions of one forwarded connection; ends the stream and the socket together. */
    private static final class Pipe {
        private final Stream stream;
        private final AsynchronousSocketChannel socket;
        private final ByteBuffer in = ByteBuffer.allocate(CHUNK);
        private final java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();

        Pipe(Stream stream, AsynchronousSocketChannel socket) {
            this.stream = stream;
            this.socket = socket;
        }

        void start() {
            socketToStream();
            streamToSocket();
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
                    } catch (java.io.IOException x) {
                        abort();
                    }
                } else {
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
            }
        }

        private void abort() {
            close(socket);
            stream.reset();
        }
    }
}
