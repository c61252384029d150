package org.hamster.p2p.internal.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.hamster.p2p.Connection;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.yamux.YamuxStreamChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public {@link Stream} over a {@link YamuxStreamChannel}: the last handler of the stream's pipeline. Reading
 * is on demand (auto-read off), so unread data stays in the stream's receive window.
 */
final class StreamImpl extends ChannelInboundHandlerAdapter implements Stream {
    private static final Logger LOG = LoggerFactory.getLogger(StreamImpl.class);
    private static final byte[] EOF = new byte[0];
    private final YamuxStreamChannel channel;
    private final String protocol;
    private final Connection connection;
    private final ArrayDeque<byte[]> received = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> writableWaiters = new ArrayList<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private CompletableFuture<byte[]> pendingRead;
    private boolean eof;
    private P2pException failure;

    StreamImpl(YamuxStreamChannel channel, String protocol, Connection connection) {
        this.channel = channel;
        this.protocol = protocol;
        this.connection = connection;
        channel.config().setAutoRead(false);
    }

    /** The stream's channel. */
    YamuxStreamChannel channel() {
        return channel;
    }

    /**
     * Hands the channel to other handlers (a relay transport running a connection inside this stream): this
     * adapter leaves the pipeline, {@code install} adds the new handlers, data this adapter had received but
     * nobody had read is passed to them first, then reading resumes. Event loop only.
     */
    void detach(Consumer<YamuxStreamChannel> install) {
        channel.pipeline().remove(this);
        install.accept(channel);
        byte[] chunk;
        while ((chunk = received.poll()) != null) {
            channel.pipeline().fireChannelRead(Unpooled.wrappedBuffer(chunk));
        }
        channel.pipeline().fireChannelReadComplete();
        channel.config().setAutoRead(true);
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public CompletableFuture<byte[]> read() {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        onLoop(() -> {
            // answers already at hand complete in a later task: a read loop never recurses on the stack
            if (pendingRead != null) {
                f.completeExceptionally(new IllegalStateException("a read is already pending"));
            } else if (!received.isEmpty()) {
                byte[] chunk = received.poll();
                channel.eventLoop().execute(() -> f.complete(chunk));
            } else if (eof) {
                channel.eventLoop().execute(() -> f.complete(EOF));
            } else if (failure != null) {
                channel.eventLoop().execute(() -> f.completeExceptionally(failure));
            } else {
                pendingRead = f;
                channel.read();
            }
        }, f);
        return f;
    }

    @Override
    public CompletableFuture<Void> write(byte[] data) {
        return write(ByteBuffer.wrap(data));
    }

    @Override
    public CompletableFuture<Void> write(ByteBuffer data) {
        ByteBuf buf = channel.alloc().buffer(data.remaining());
        buf.writeBytes(data.duplicate());
        return complete(channel.writeAndFlush(buf));
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public CompletableFuture<Void> whenWritable() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        onLoop(() -> {
            if (channel.isWritable() || !channel.isOpen()) {
                f.complete(null);
            } else {
                writableWaiters.add(f);
            }
        }, f);
        return f;
    }

    @Override
    public CompletableFuture<Void> closeWrite() {
        return complete(channel.closeWrite());
    }

    @Override
    public CompletableFuture<Void> close() {
        channel.closeWrite().addListener(f -> channel.close());
        return closeFuture;
    }

    @Override
    public void reset() {
        channel.reset();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
        if (bytes.length == 0) {
            return;
        }
        if (pendingRead != null) {
            CompletableFuture<byte[]> f = pendingRead;
            pendingRead = null;
            f.complete(bytes);
        } else {
            received.add(bytes);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            eof = true;
            if (pendingRead != null && received.isEmpty()) {
                CompletableFuture<byte[]> f = pendingRead;
                pendingRead = null;
                f.complete(EOF);
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (channel.isWritable()) {
            wakeWriters();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        P2pException.Reason reason = channel.closeReason();
        if (reason != null) {
            failure = new P2pException(reason, describe(reason));
        } else {
            eof = true; // closed locally after a clean end
        }
        if (pendingRead != null) {
            CompletableFuture<byte[]> f = pendingRead;
            pendingRead = null;
            if (failure != null && received.isEmpty()) {
                f.completeExceptionally(failure);
            } else {
                f.complete(received.isEmpty() ? EOF : received.poll());
            }
        }
        wakeWriters();
        closeFuture.complete(null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("stream {} of {}: {}; resetting", protocol, connection.remotePeer(), cause.toString());
        channel.reset();
    }

    private void wakeWriters() {
        List<CompletableFuture<Void>> waiters = new ArrayList<>(writableWaiters);
        writableWaiters.clear();
        waiters.forEach(w -> w.complete(null));
    }

    private CompletableFuture<Void> complete(ChannelFuture cf) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        cf.addListener(done -> {
            if (done.isSuccess()) {
                f.complete(null);
            } else {
                P2pException.Reason r = channel.closeReason();
                f.completeExceptionally(new P2pException(r == null ? P2pException.Reason.CONNECTION_CLOSED : r,
                        "stream " + protocol + " to " + connection.remotePeer() + " is closed", done.cause()));
            }
        });
        return f;
    }

    private String describe(P2pException.Reason reason) {
        return "stream " + protocol + " to " + connection.remotePeer() + " ended: " + reason;
    }

    private void onLoop(Runnable task, CompletableFuture<?> result) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
            return;
        }
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) { // the host is shut down
            result.completeExceptionally(new P2pException(P2pException.Reason.CLOSED, "the host is closed"));
        }
    }
}
