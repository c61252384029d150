package org.hamster.forward;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.crypto.Ed25519;
import org.hamster.p2p.Host;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.Stream;
import org.osgi.annotation.versioning.ConsumerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's side of the forward protocol: a port on 127.0.0.1 where every accepted connection is carried over a
 * new forward stream to the provider (direct or relayed, as {@code host} reaches it, or over the path an
 * {@link Opener} picks), opened with a fresh request signed by the tenant. Point
 * {@code ssh -p <port> root@127.0.0.1} at it.
 */
public final class ForwardLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardLink.class);
    private static final long REQUEST_VALIDITY_MS = 60_000;
    private final Opener opener;
    private final long agreement;
    private final Ed25519.KeyPair tenant;
    private final H256 genesis;
    private final AsynchronousServerSocketChannel listener;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder toProvider = new LongAdder();
    private final LongAdder fromProvider = new LongAdder();
    private volatile String lastError;

    /** Opens the stream that carries one accepted connection: the link's choice of path to the provider. */
    @ConsumerType
    @FunctionalInterface
    public interface Opener {
        /** A new stream to the provider, negotiated for {@link ForwardRequest#PROTOCOL}. */
        CompletableFuture<Stream> open();
    }

    /**
     * What a link carried since it opened.
     *
     * @param accepted local connections accepted
     * @param active connections being carried now
     * @param failed connections closed unanswered: no path to the provider, or the provider refused
     * @param bytesToProvider bytes from the local connections to the machine
     * @param bytesFromProvider bytes from the machine back
     * @param lastError why the last failed connection failed, null if none did
     */
    public record Stats(long accepted, int active, long failed, long bytesToProvider, long bytesFromProvider,
            String lastError) {
    }

    private ForwardLink(Opener opener, long agreement, Ed25519.KeyPair tenant, H256 genesis,
            AsynchronousServerSocketChannel listener) {
        this.opener = opener;
        this.agreement = agreement;
        this.tenant = tenant;
        this.genesis = genesis;
        this.listener = listener;
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port) for connections to agreement {@code agreement}. */
    public static ForwardLink open(Host host, PeerId provider, long agreement, Ed25519.KeyPair tenant, H256 genesis,
            int port) throws IOException {
        return open(() -> host.newStream(provider, ForwardRequest.PROTOCOL), agreement, tenant, genesis, port);
    }

    /** As {@link #open(Host, PeerId, long, Ed25519.KeyPair, H256, int)}, each stream opened by {@code opener}. */
    public static ForwardLink open(Opener opener, long agreement, Ed25519.KeyPair tenant, H256 genesis, int port)
            throws IOException {
        AsynchronousServerSocketChannel l = AsynchronousServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ForwardLink link = new ForwardLink(opener, agreement, tenant, genesis, l);
        link.accept();
        return link;
    }

    public Stats stats() {
        return new Stats(accepted.sum(), active.get(), failed.sum(), toProvider.sum(), fromProvider.sum(),
                lastError);
    }

    public int port() {
        try {
            return ((InetSocketAddress) listener.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    private void accept() {
        listener.accept(null, new CompletionHandler<AsynchronousSocketChannel, Void>() {
            @Override
            public void completed(AsynchronousSocketChannel socket, Void a) {
                accept();
                connect(socket);
            }

            @Override
            public void failed(Throwable e, Void a) {
                if (listener.isOpen()) {
                    LOG.warn("link: accept failed: {}", e.toString());
                    accept();
                }
            }
        });
    }

    private void connect(AsynchronousSocketChannel socket) {
        accepted.increment();
        byte[] request = ForwardRequest.create(agreement, AccountId.of(tenant.publicKey()), genesis,
                REQUEST_VALIDITY_MS).sign(tenant);
        opener.open().thenCompose(s -> s.write(request)
                .thenCompose(v -> readStatus(s, new byte[0])).thenCompose(left -> {
                    fromProvider.add(left.length);
                    return left.length == 0 ? CompletableFuture.completedFuture(s)
                            : SocketPipe.writeAll(socket, ByteBuffer.wrap(left)).thenApply(v -> s);
                }))
                .whenComplete((s, e) -> {
                    if (e != null) {
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        lastError = String.valueOf(cause.getMessage());
                        failed.increment();
                        LOG.warn("link: agreement {}: {}", agreement, lastError);
                        SocketPipe.close(socket);
                    } else {
                        active.incrementAndGet();
                        SocketPipe.start(s, socket, toProvider, fromProvider)
                                .whenComplete((v, x) -> active.decrementAndGet());
                    }
                });
    }

    /** Reads the provider's answer; completes with the bytes after it, fails with the refusal's reason. */
    private static CompletableFuture<byte[]> readStatus(Stream s, byte[] have) {
        if (have.length >= 3) {
            int len = ((have[1] & 0xff) << 8) | (have[2] & 0xff);
            if (have.length >= 3 + len) {
                ForwardStatus status = ForwardStatus.of(have[0]);
                if (status != ForwardStatus.OK) {
                    s.reset();
                    return CompletableFuture.failedFuture(new IOException("the provider refused (" + status + "): "
                            + new String(have, 3, len, StandardCharsets.UTF_8)));
                }
                return CompletableFuture.completedFuture(Arrays.copyOfRange(have, 3 + len, have.length));
            }
        }
        return s.read().thenCompose(chunk -> {
            if (chunk.length == 0) {
                return CompletableFuture.failedFuture(new IOException("the provider closed the stream unanswered"));
            }
            byte[] more = Arrays.copyOf(have, have.length + chunk.length);
            System.arraycopy(chunk, 0, more, have.length, chunk.length);
            return readStatus(s, more);
        });
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
