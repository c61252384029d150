package org.hamster.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamster.chain.ChainService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC server: Netty threads only move bytes, every call to the chain runs on a bounded worker pool.
 */
final class RpcServer implements AutoCloseable {
    static final byte[] BUSY = JsonRpc.errorBytes(JsonRpc.SERVER_BUSY, "Server is busy, try again later", null);
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    private static final int IO_THREADS = 2;
    /** Requests waiting for a worker; beyond this they are answered "busy" at once. */
    private static final int QUEUE_CAPACITY = 4096;
    private static final int MIB = 1024 * 1024;

    private final ServerSettings settings;
    private final Dispatcher dispatcher;
    private final SystemMethods system;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger connections = new AtomicInteger();
    private final ChannelGroup channels = new DefaultChannelGroup("hamster-rpc", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup acceptor;
    private EventLoopGroup io;
    private Channel listener;

    RpcServer(ServerSettings settings, ChainService chain) {
        this.settings = settings;
        this.workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUE_CAPACITY), new DefaultThreadFactory("hamster-rpc-worker", true));
        workers.allowCoreThreadTimeOut(true);
        MethodTable table = new MethodTable();
        this.system = new SystemMethods(chain);
        system.register(table);
        new ChainMethods(chain).register(table);
        new StateMethods(chain).register(table);
        new AuthorMethods(chain).register(table);
        new SubscriptionMethods(chain, workers).register(table);
        this.dispatcher = new Dispatcher(table, settings.maxResponseBytes());
    }

    /** Binds and starts serving; returns the bound address (the port is chosen when configured as 0). */
    synchronized InetSocketAddress start() throws IOException {
        acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("hamster-rpc-accept", true));
        io = new NioEventLoopGroup(IO_THREADS, new DefaultThreadFactory("hamster-rpc-io", true));
        int high = (int) Math.min(Integer.MAX_VALUE, 2L * settings.maxResponseBytes() + 16L * MIB);
        ServerBootstrap b = new ServerBootstrap().group(acceptor, io).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high))
                .childHandler(new RpcChannelInitializer(this));
        try {
            listener = b.bind(settings.host(), settings.port()).syncUninterruptibly().channel();
        } catch (Exception e) { // the bind failure is thrown undeclared
            close();
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (acceptor != null) {
            acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            io.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            acceptor = null;
            io = null;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    ServerSettings settings() {
        return settings;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    JsonNode health() {
        return system.health();
    }

    int connectionCount() {
        return connections.get();
    }

    /** Counts a new connection; false if the limit is reached (it is then refused). */
    boolean acceptConnection(Channel ch) {
        channels.add(ch);
        if (connections.incrementAndGet() > settings.maxConnections()) {
            connections.decrementAndGet();
            return false;
        }
        ch.closeFuture().addListener(f -> connections.decrementAndGet());
        return true;
    }

    /** Runs a task on a worker; false if the queue is full or the server is stopping. */
    boolean submit(Runnable task) {
        try {
            workers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("JSON-RPC task failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** For cleanup that must happen even while stopping. */
    void runOrInline(Runnable task) {
        if (!submit(task)) {
            task.run();
        }
    }

    static void logConnectionFailure(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("Connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("Closing connection {} after an error", ctx.channel().remoteAddress(), cause);
        }
    }
}
