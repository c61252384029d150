package org.hamster.p2p.internal.multistream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.internal.WireException;

/**
 * Negotiates one protocol with multistream-select 1.0, as initiator (proposes protocols in order, moving on after
 * "na") or responder (accepts what it supports, answers "na" otherwise, answers "ls"). The initiator pipelines
 * its header and first proposal. On agreement the {@link Listener} installs the protocol's handlers after this
 * one, which then removes itself and passes on any bytes that arrived behind the agreement.
 */
public final class MultistreamHandler extends ChannelInboundHandlerAdapter {
    /** Rejections a responder sends before it gives up on an initiator. */
    static final int MAX_ATTEMPTS = 32;

    /** Told the outcome, once, on the channel's event loop. */
    public interface Listener {
        /** Installs the handlers of {@code protocol} after {@code ctx}. */
        void selected(ChannelHandlerContext ctx, String protocol) throws Exception;

        /** The negotiation failed; the listener closes or resets the channel. */
        void failed(ChannelHandlerContext ctx, Throwable cause);
    }

    private final List<String> proposals;
    private final Predicate<String> supported;
    private final Supplier<List<String>> listing;
    private final Duration timeout;
    private final Listener listener;
    private ByteBuf cumulation;
    private ScheduledFuture<?> timer;
    private boolean headerSeen;
    private boolean started;
    private boolean done;
    private int attempt;

    private MultistreamHandler(List<String> proposals, Predicate<String> supported, Supplier<List<String>> listing,
            Duration timeout, Listener listener) {
        this.proposals = proposals;
        this.supported = supported;
        this.listing = listing;
        this.timeout = timeout;
        this.listener = listener;
    }

    public static MultistreamHandler initiator(List<String> proposals, Duration timeout, Listener listener) {
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("at least one protocol to propose");
        }
        return new MultistreamHandler(List.copyOf(proposals), null, null, timeout, listener);
    }

    public static MultistreamHandler responder(Predicate<String> supported, Supplier<List<String>> listing,
            Duration timeout, Listener listener) {
        return new MultistreamHandler(null, supported, listing, timeout, listener);
    }

    private boolean isInitiator() {
        return proposals != null;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    private void start(ChannelHandlerContext ctx) {
        if (started) {
            return;
        }
        started = true;
        timer = ctx.executor().schedule(() -> fail(ctx, new WireException(P2pException.Reason.TIMEOUT,
                "multistream negotiation took longer than " + timeout.toMillis() + " ms")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        ByteBuf hello = isInitiator()
                ? MultistreamCodec.encode(ctx.alloc(), MultistreamCodec.PROTOCOL_ID, proposals.get(0))
                : MultistreamCodec.encode(ctx.alloc(), MultistreamCodec.PROTOCOL_ID);
        ctx.writeAndFlush(hello).addListener(f -> {
            if (!f.isSuccess()) {
                fail(ctx, f.cause());
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done || !(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (cumulation == null) {
            cumulation = in;
        } else {
            ByteBuf merged = ctx.alloc().buffer(cumulation.readableBytes() + in.readableBytes());
            merged.writeBytes(cumulation).writeBytes(in);
            cumulation.release();
            in.release();
            cumulation = merged;
        }
        try {
            String message;
            while (!done && cumulation != null && (message = MultistreamCodec.read(cumulation)) != null) {
                handle(ctx, message);
            }
        } catch (Exception e) {
            fail(ctx, e);
        }
    }

    private void handle(ChannelHandlerContext ctx, String message) throws Exception {
        if (!headerSeen) {
            if (!MultistreamCodec.PROTOCOL_ID.equals(message)) {
                throw new WireException("multistream: expected " + MultistreamCodec.PROTOCOL_ID + ", got '"
                        + abbreviate(message) + "'");
            }
            headerSeen = true;
        } else if (isInitiator()) {
            String proposed = proposals.get(attempt);
            if (message.equals(proposed)) {
                select(ctx, proposed);
            } else if (message.equals(MultistreamCodec.NA)) {
                if (++attempt >= proposals.size()) {
                    throw new WireException(P2pException.Reason.PROTOCOL_NOT_SUPPORTED,
                            "the remote supports none of " + proposals);
                }
                ctx.writeAndFlush(MultistreamCodec.encode(ctx.alloc(), proposals.get(attempt)));
            } else {
                throw new WireException("multistream: answer '" + abbreviate(message) + "' to '" + proposed + "'");
            }
        } else if (message.equals(MultistreamCodec.LS)) {
            ctx.writeAndFlush(MultistreamCodec.encodeList(ctx.alloc(), listing.get()));
        } else if (!message.equals(MultistreamCodec.NA) && supported.test(message)) {
            ctx.write(MultistreamCodec.encode(ctx.alloc(), message));
            select(ctx, message);
            ctx.flush();
        } else {
            if (++attempt > MAX_ATTEMPTS) {
                throw new WireException("multistream: " + MAX_ATTEMPTS + " unsupported proposals, giving up");
            }
            ctx.writeAndFlush(MultistreamCodec.encode(ctx.alloc(), MultistreamCodec.NA));
        }
    }

    private void select(ChannelHandlerContext ctx, String protocol) throws Exception {
        done = true;
        cancelTimer();
        ByteBuf rest = cumulation;
        cumulation = null;
        try {
            listener.selected(ctx, protocol);
        } catch (Exception e) {
            rest.release();
            throw e;
        }
        ctx.pipeline().remove(this);
        if (rest.isReadable()) {
            ctx.fireChannelRead(rest);
            ctx.fireChannelReadComplete();
        } else {
            rest.release();
        }
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        if (done) {
            return;
        }
        done = true;
        cancelTimer();
        releaseCumulation();
        listener.failed(ctx, cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx, new WireException(P2pException.Reason.CONNECTION_CLOSED, "closed during protocol negotiation"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (done) {
            ctx.fireExceptionCaught(cause);
        } else {
            fail(ctx, cause);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelTimer();
        releaseCumulation();
    }

    private void releaseCumulation() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
