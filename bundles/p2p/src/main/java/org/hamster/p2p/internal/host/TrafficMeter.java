package org.hamster.p2p.internal.host;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.LongAdder;
import org.hamster.p2p.Traffic;

/**
 * First handler of every connection's channel: counts the bytes read and written there, and for TCP channels adds
 * them to the host's totals too (a relayed connection's bytes are already counted on the TCP connection to the
 * relay). The counters are written on the channel's event loop only and read from anywhere.
 */
final class TrafficMeter extends ChannelDuplexHandler {
    private final HostTotals totals;
    private volatile long in;
    private volatile long out;

    /** The host-wide sums; one per host. */
    static final class HostTotals {
        final LongAdder in = new LongAdder();
        final LongAdder out = new LongAdder();

        Traffic traffic() {
            return new Traffic(in.sum(), out.sum());
        }
    }

    /** {@code totals} is null for channels that do not count toward the host (relayed ones). */
    TrafficMeter(HostTotals totals) {
        this.totals = totals;
    }

    Traffic traffic() {
        return new Traffic(in, out);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            int n = buf.readableBytes();
            in += n; // one writer: the event loop
            if (totals != null) {
                totals.in.add(n);
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            int n = buf.readableBytes();
            out += n;
            if (totals != null) {
                totals.out.add(n);
            }
        }
        ctx.write(msg, promise);
    }
}
