package org.hamster.p2p.internal.host;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hamster.p2p.Direction;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Multiaddr;
import org.hamster.p2p.MultiaddrComponent;
import org.hamster.p2p.MultiaddrProtocol;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;

/**
 * TCP: dials and listens on {@code /ip4|ip6|dns|dns4|dns6/<host>/tcp/<port>} (optionally ending in
 * {@code /p2p/<peer>}). DNS names are resolved off the event loop, filtered by family for dns4/dns6.
 */
final class TcpTransport implements Transport {
    private final EventLoopGroup group;
    private final Upgrader upgrader;
    private final HostConfig config;
    private final ChannelGroup listeners = new DefaultChannelGroup("hamster-p2p-listeners",
            GlobalEventExecutor.INSTANCE);

    TcpTransport(EventLoopGroup group, Upgrader upgrader, HostConfig config) {
        this.group = group;
        this.upgrader = upgrader;
        this.config = config;
    }

    @Override
    public boolean canDial(Multiaddr address) {
        List<MultiaddrComponent> c = address.components();
        int n = c.size();
        boolean p2p = n == 3 && c.get(2).protocol() == MultiaddrProtocol.P2P;
        return (n == 2 || p2p) && isHost(c.get(0).protocol()) && c.get(1).protocol() == MultiaddrProtocol.TCP;
    }

    @Override
    public boolean canListen(Multiaddr address) {
        List<MultiaddrComponent> c = address.components();
        return c.size() == 2 && (c.get(0).protocol() == MultiaddrProtocol.IP4 || c.get(0).protocol()
                == MultiaddrProtocol.IP6) && c.get(1).protocol() == MultiaddrProtocol.TCP;
    }

    /**
     * Socket reads grow up to 256 KiB under load (Netty's default stops at 64 KiB, less than one full Noise frame),
     * so a busy connection decrypts whole frames straight from the read buffer; idle ones shrink back.
     */
    private static final AdaptiveRecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(64, 2048, 256 * 1024);

    @Override
    public CompletableFuture<ConnectionImpl> dial(Multiaddr address, PeerId expected) {
        return resolve(address).thenCompose(target -> {
            CompletableFuture<ConnectionImpl> result = new CompletableFuture<>();
            CompletableFuture<ConnectionImpl> upgraded = new CompletableFuture<>();
            Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, READS)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) { // before connecting: no byte is missed
                            upgrader.upgrade(ch, Direction.OUTBOUND, expected, TcpTransport::local,
                                    TcpTransport::remote).whenComplete((c, e) -> complete(upgraded, c, e));
                        }
                    });
            ChannelFuture connect = b.connect(target);
            connect.addListener(f -> {
                if (!f.isSuccess()) {
                    result.completeExceptionally(new P2pException(P2pException.Reason.DIAL_FAILED,
                            "cannot connect to " + address + ": " + f.cause().getMessage()));
                }
            });
            upgraded.whenComplete((c, e) -> connect.addListener(f -> {
                if (f.isSuccess()) {
                    complete(result, c, e);
                }
            }));
            return result;
        });
    }

    private static <T> void complete(CompletableFuture<T> f, T value, Throwable error) {
        if (error != null) {
            f.completeExceptionally(error);
        } else {
            f.complete(value);
        }
    }

    private static Multiaddr local(Channel ch) {
        return Multiaddr.tcp((InetSocketAddress) ch.localAddress());
    }

    private static Multiaddr remote(Channel ch) {
        return Multiaddr.tcp((InetSocketAddress) ch.remoteAddress());
    }

    @Override
    public CompletableFuture<Multiaddr> listen(Multiaddr address) {
        CompletableFuture<Multiaddr> result = new CompletableFuture<>();
        InetSocketAddress bindTo;
        try {
            bindTo = new InetSocketAddress(InetAddress.getByAddress(address.components().get(0).rawValue()),
                    Integer.parseInt(address.components().get(1).value()));
        } catch (UnknownHostException e) {
            result.completeExceptionally(e);
            return result;
        }
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        upgrader.upgrade(ch, Direction.INBOUND, null, TcpTransport::local, TcpTransport::remote);
                    }
                });
        b.bind(bindTo).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                listeners.add(f.channel());
                result.complete(Multiaddr.tcp((InetSocketAddress) f.channel().localAddress()));
            } else {
                result.completeExceptionally(new P2pException(P2pException.Reason.NO_TRANSPORT,
                        "cannot listen on " + address + ": " + f.cause().getMessage()));
            }
        });
        return result;
    }

    @Override
    public void close() {
        listeners.close();
    }

    private static boolean isHost(MultiaddrProtocol p) {
        return p == MultiaddrProtocol.IP4 || p == MultiaddrProtocol.IP6 || p == MultiaddrProtocol.DNS
                || p == MultiaddrProtocol.DNS4 || p == MultiaddrProtocol.DNS6;
    }

    private static CompletableFuture<InetSocketAddress> resolve(Multiaddr address) {
        MultiaddrComponent host = address.components().get(0);
        int port = Integer.parseInt(address.components().get(1).value());
        return switch (host.protocol()) {
            case IP4, IP6 -> {
                try {
                    yield CompletableFuture.completedFuture(
                            new InetSocketAddress(InetAddress.getByAddress(host.rawValue()), port));
                } catch (UnknownHostException e) {
                    yield CompletableFuture.failedFuture(e);
                }
            }
            default -> CompletableFuture.supplyAsync(() -> {
                try {
                    InetAddress a = Arrays.stream(InetAddress.getAllByName(host.value()))
                            .filter(x -> host.protocol() != MultiaddrProtocol.DNS4 || x instanceof Inet4Address)
                            .filter(x -> host.protocol() != MultiaddrProtocol.DNS6 || x instanceof Inet6Address)
                            .findFirst().orElseThrow(() -> new UnknownHostException(host.value()));
                    return new InetSocketAddress(a, port);
                } catch (UnknownHostException e) {
                    throw new java.util.concurrent.CompletionException(new P2pException(
                            P2pException.Reason.DIAL_FAILED, "cannot resolve " + host.value()));
                }
            });
        };
    }
}
