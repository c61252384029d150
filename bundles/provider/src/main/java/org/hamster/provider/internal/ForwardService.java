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
import org.hamster.forward.ForwardRequest;
import org.hamster.forward.ForwardStatus;
import org.hamster.forward.SocketPipe;
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
                        ? CompletableFuture.completedFuture(null) : SocketPipe.writeAll(socket, ByteBuffer.wrap(leftover)))
                        .whenComplete((x, e) -> {
                            if (e != null) {
                                SocketPipe.close(socket);
                                stream.reset();
                            } else {
                                SocketPipe.start(stream, socket);
                            }
                        });
            }

            @Override
            public void failed(Throwable e, Void a) {
                SocketPipe.close(socket);
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

}
