package org.hamster.p2p.internal.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.Identity;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.internal.protocols.EchoProtocol;

/** Hosts on loopback for tests, closed together. */
final class TestHosts implements AutoCloseable {
    private final List<Host> hosts = new ArrayList<>();

    /** A host serving echo, listening on 127.0.0.1 at an ephemeral port. */
    NettyHost start(UnaryOperator<HostConfig.Builder> tune) throws Exception {
        HostConfig config = tune.apply(HostConfig.builder(Identity.generate()).ioThreads(1)
                .handshakeTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(5))).build();
        NettyHost host = (NettyHost) Hosts.create(config);
        hosts.add(host);
        host.setStreamHandler(EchoProtocol.ID, EchoProtocol::serve);
        host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
        return host;
    }

    NettyHost start() throws Exception {
        return start(b -> b);
    }

    static Multiaddr addressOf(Host host) {
        return host.listenAddresses().get(0).withPeerId(host.peerId());
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    /** The P2pException a future failed with. */
    static P2pException failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (!(c instanceof P2pException) && c != null && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof P2pException p) {
                return p;
            }
            throw e;
        }
        throw new AssertionError("the future succeeded");
    }

    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        hosts.forEach(Host::close);
    }
}
