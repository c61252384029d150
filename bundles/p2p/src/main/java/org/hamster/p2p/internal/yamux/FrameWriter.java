package org.hamster.p2p.internal.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/** Writes a session's frames to its channel; after {@link #close()} everything written is dropped. */
final class FrameWriter {
    private final ChannelHandlerContext ctx;
    private final int maxFrame;
    private boolean closed;

    FrameWriter(ChannelHandlerContext ctx, int maxFrame) {
        this.ctx = ctx;
        this.maxFrame = maxFrame;
    }

    void frame(int type, int flags, long id, long length) {
        if (!closed) {
            ctx.write(YamuxFrame.header(ctx.alloc(), type, flags, id, length));
        }
    }

    /** A data frame without flags; takes ownership of {@code payload}. */
    void data(long id, ByteBuf payload) {
        if (closed) {
            payload.release();
            return;
        }
        ctx.write(YamuxFrame.header(ctx.alloc(), YamuxFrame.DATA, 0, id, payload.readableBytes()));
        ctx.write(payload);
    }

    void windowUpdate(long id, long delta) {
        frame(YamuxFrame.WINDOW_UPDATE, 0, id, delta);
        flush();
    }

    void reset(long id) {
        frame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.RST, id, 0);
        flush();
    }

    void flush() {
        if (!closed) {
            ctx.flush();
        }
    }

    boolean isWritable() {
        return ctx.channel().isWritable();
    }

    int maxFrame() {
        return maxFrame;
    }

    void close() {
        closed = true;
    }
}
