package org.hamster.p2p.internal.yamux;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Yamux keep-alive: a ping every interval; one unanswered for two intervals ends the session. */
final class KeepAlive {
    private final YamuxHandler session;
    private final long intervalNanos;
    private FrameWriter writer;
    private ScheduledFuture<?> timer;
    private boolean outstanding;
    private int ticksUnanswered;
    private long opaque;
    private long sentAt;
    private long lastRtt = -1;

    KeepAlive(YamuxHandler session, Duration interval) {
        this.session = session;
        this.intervalNanos = interval.toNanos();
    }

    void start(ChannelHandlerContext ctx, FrameWriter frames) {
        this.writer = frames;
        if (intervalNanos > 0 && timer == null) {
            timer = ctx.executor().scheduleAtFixedRate(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        }
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    long lastRttNanos() {
        return lastRtt;
    }

    void answered(long value) {
        if (outstanding && value == opaque) {
            outstanding = false;
            lastRtt = System.nanoTime() - sentAt;
        }
    }

    private void tick() {
        if (outstanding) {
            if (++ticksUnanswered >= 2) {
                stop();
                session.keepAliveTimedOut();
            }
            return;
        }
        outstanding = true;
        ticksUnanswered = 0;
        sentAt = System.nanoTime();
        opaque = (opaque + 1) & 0xFFFFFFFFL;
        writer.frame(YamuxFrame.PING, YamuxFrame.SYN, 0, opaque);
        writer.flush();
    }
}
