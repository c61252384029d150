package org.hamster.p2p.internal.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.RelayStatus;
import org.hamster.p2p.Stream;
import org.hamster.p2p.internal.host.StreamChannels;
import org.hamster.p2p.internal.yamux.YamuxStreamChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splices the hop and the stop stream of one circuit inside Netty: what one stream's channel reads is written to
 * the other as the same buffers, never copied out to arrays. A side stops reading while the other side cannot
 * take more (its write buffer is above {@link #WATER_MARK}), and the Yamux window then stops the sender, so a
 * circuit buffers at most about the high water mark per direction. The end of one direction is passed on as a
 * FIN; once both have ended the streams close and the circuit is over. A reset or failure on either side, more
 * than {@code limit} bytes in one direction, or the duration limit resets both.
 */
final class CircuitBridge {
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 512 * 1024);
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBridge.class);
    private final long id;
    private final PeerId source;
    private final PeerId target;
    private final Instant opened = Instant.now();
    private final LongAdder relayed;
    private final YamuxStreamChannel a;
    private final YamuxStreamChannel b;
    private final String label;
    private final long limit;
    private final Runnable release;
    private final AtomicInteger directionsEnded = new AtomicInteger();
    private final AtomicInteger sidesClosed = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile ScheduledFuture<?> timer;
    private volatile long toTarget;
    private volatile long toSource;

    private CircuitBridge(long id, Stream hop, Stream stop, LongAdder relayed, long limit, Runnable release) {
        this.id = id;
        this.source = hop.connection().remotePeer();
        this.target = stop.connection().remotePeer();
        this.relayed = relayed;
        this.a = StreamChannels.channel(hop);
        this.b = StreamChannels.channel(stop);
        this.label = source + " -> " + target;
        this.limit = limit;
        this.release = release;
    }

    /**
     * Takes both streams over (they must not be used afterwards) and bridges them; {@code hopLeft} and
     * {@code stopLeft} are bytes already read from each past the relay messages. Every forwarded byte is added to
     * {@code relayed}; {@code release} runs once, when the circuit ends.
     */
    static CircuitBridge splice(long id, Stream hop, byte[] hopLeft, Stream stop, byte[] stopLeft, long limit,
            long seconds, EventLoopGroup timers, LongAdder relayed, Runnable release) {
        CircuitBridge bridge = new CircuitBridge(id, hop, stop, relayed, limit, release);
        bridge.timer = timers.schedule(() -> bridge.kill("duration limit of " + seconds + " s"), seconds,
                TimeUnit.SECONDS);
        bridge.attach(hop, hopLeft, bridge.a, bridge.b);
        bridge.attach(stop, stopLeft, bridge.b, bridge.a);
        return bridge;
    }

    RelayStatus.Circuit info() {
        return new RelayStatus.Circuit(id, source, target, opened, toTarget, toSource);
    }

    private void attach(Stream stream, byte[] leftover, YamuxStreamChannel from, YamuxStreamChannel to) {
        StreamChannels.takeOver(stream, ch -> {
            ch.config().setWriteBufferWaterMark(WATER_MARK);
            ch.pipeline().addLast(new Forwarder(from, to));
            ch.closeFuture().addListener(f -> sideClosed(from));
            if (leftover.length > 0) {
                ch.pipeline().fireChannelRead(Unpooled.wrappedBuffer(leftover));
            }
        }).whenComplete((v, e) -> {
            if (e != null) {
                kill("taking over the stream failed: " + e);
            }
        });
    }

    private void sideClosed(YamuxStreamChannel side) {
        if (side.closeReason() != null) {
            kill(side + " ended: " + side.closeReason());
        } else if (sidesClosed.incrementAndGet() == 2) {
            finish();
        }
    }

    private void directionEnded() {
        if (directionsEnded.incrementAndGet() == 2) {
            a.close(); // both FINs are out: the streams end cleanly
            b.close();
            finish();
        }
    }

    void kill(String why) {
        if (ended.get()) {
            return;
        }
        LOG.info("p2p relay: closing circuit {}: {}", label, why);
        a.reset();
        b.reset();
        finish();
    }

    private void finish() {
        if (ended.compareAndSet(false, true)) {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            release.run();
        }
    }

    /** Sits on {@code from}'s pipeline: forwards what it reads to {@code to}, and wakes {@code to}'s reader. */
    private final class Forwarder extends ChannelInboundHandlerAdapter {
        private final YamuxStreamChannel from;
        private final YamuxStreamChannel to;
        private long forwarded;

        Forwarder(YamuxStreamChannel from, YamuxStreamChannel to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf buf) || ended.get()) {
                ReferenceCountUtil.release(msg);
                return;
            }
            int n = buf.readableBytes();
            forwarded += n;
            if (from == a) {
                toTarget = forwarded;
            } else {
                toSource = forwarded;
            }
            relayed.add(n);
            if (forwarded > limit) {
                buf.release();
                kill("data limit of " + limit + " bytes");
                return;
            }
            to.write(buf).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            to.flush();
            if (!to.isWritable()) {
                from.config().setAutoRead(false);
                if (to.isWritable()) { // drained in between: its writability event may have come and gone
                    from.config().setAutoRead(true);
                }
            }
        }

        /** {@code from} is also the other direction's target: once it drains, its source may read again. */
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (from.isWritable()) {
                to.config().setAutoRead(true);
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                to.writeAndFlush(YamuxStreamChannel.FIN).addListener(f -> {
                    if (f.isSuccess()) {
                        directionEnded();
                    } else {
                        kill("passing on the end of " + from + " failed: " + f.cause());
                    }
                });
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            kill(cause.toString());
        }
    }
}
