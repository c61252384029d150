package org.hamster.p2p.internal.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import org.hamster.p2p.internal.WireException;

/**
 * Cuts the decrypted byte stream into Yamux frames and hands them to the session. A data frame is buffered
 * whole and its payload copied out, so a stream's buffered data costs exactly its size whatever the framing.
 */
final class FrameDecoder {
    private final YamuxHandler session;
    private final int maxData;
    private ByteBuf cumulation;
    private boolean broken;

    FrameDecoder(YamuxHandler session, int maxData) {
        this.session = session;
        this.maxData = maxData;
    }

    boolean broken() {
        return broken;
    }

    void decode(ChannelHandlerContext ctx, ByteBuf in) {
        if (cumulation == null || !cumulation.isReadable()) {
            release();
            cumulation = in;
        } else {
            ByteBuf merged = ctx.alloc().buffer(cumulation.readableBytes() + in.readableBytes());
            merged.writeBytes(cumulation).writeBytes(in);
            cumulation.release();
            in.release();
            cumulation = merged;
        }
        try {
            while (cumulation != null && cumulation.readableBytes() >= YamuxFrame.HEADER && !frame(ctx)) {
                // one frame handled per turn
            }
        } catch (RuntimeException e) {
            broken = true;
            release();
            throw e;
        }
        if (cumulation != null && !cumulation.isReadable()) {
            release();
        }
    }

    /** Handles the frame at the reader index; true when it is incomplete (nothing consumed). */
    private boolean frame(ChannelHandlerContext ctx) {
        ByteBuf c = cumulation;
        int i = c.readerIndex();
        int version = c.getUnsignedByte(i);
        int type = c.getUnsignedByte(i + 1);
        int flags = c.getUnsignedShort(i + 2);
        long id = c.getUnsignedInt(i + 4);
        long length = c.getUnsignedInt(i + 8);
        if (version != YamuxFrame.VERSION) {
            throw new WireException("yamux version " + version);
        }
        switch (type) {
            case YamuxFrame.DATA -> {
                if (length > maxData) {
                    throw new WireException("yamux data frame of " + length + " bytes exceeds every window");
                }
                if (c.readableBytes() < YamuxFrame.HEADER + length) {
                    return true;
                }
                if (id == 0) {
                    throw new WireException("yamux data frame on stream 0");
                }
                c.skipBytes(YamuxFrame.HEADER);
                int n = (int) length;
                ByteBuf payload = n == 0 ? Unpooled.EMPTY_BUFFER : ctx.alloc().buffer(n).writeBytes(c, n);
                session.onStreamFrame(type, flags, id, length, payload);
            }
            case YamuxFrame.WINDOW_UPDATE -> {
                if (id == 0) {
                    throw new WireException("yamux window update on stream 0");
                }
                c.skipBytes(YamuxFrame.HEADER);
                session.onStreamFrame(type, flags, id, length, null);
            }
            case YamuxFrame.PING -> {
                c.skipBytes(YamuxFrame.HEADER);
                session.onPing(flags, length);
            }
            case YamuxFrame.GO_AWAY -> {
                c.skipBytes(YamuxFrame.HEADER);
                session.onGoAway(length);
            }
            default -> throw new WireException("unknown yamux frame type " + type);
        }
        return false;
    }

    void release() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }
}
