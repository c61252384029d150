package org.hamster.rpc.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits in front of Netty's WebSocket frame decoder, which can only close the connection on a frame larger
 * than its limit. This filter reads just the frame headers of the byte stream and skips such a frame (and
 * the rest of its message) without buffering it, then tells the next handlers with an {@link Oversized}
 * event, so the client gets an error and the connection goes on. Messages split into frames that are each
 * small enough are left to the frame aggregator's own limit.
 */
final class WsOversizeFilter extends ChannelInboundHandlerAdapter {
    /** A skipped message; {@code mustClose} if part of it had already gone to the aggregator. */
    record Oversized(boolean mustClose) {
    }

    private static final int OP_CONTINUATION = 0;
    private static final int MAX_HEADER = 14;
    private final int maxPayload;
    private final ByteBuf header = Unpooled.buffer(MAX_HEADER, MAX_HEADER);
    private long remaining;
    private boolean dropping;
    private boolean droppingMessage;
    private boolean inMessage;

    WsOversizeFilter(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            while (in.isReadable() && ctx.channel().isActive()) {
                if (remaining > 0) {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    if (dropping) {
                        in.skipBytes(n);
                    } else {
                        ctx.fireChannelRead(in.readRetainedSlice(n));
                    }
                    remaining -= n;
                } else if (readHeader(in)) {
                    onFrame(ctx);
                }
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        header.release();
    }

    /** Accumulates header bytes; true once a whole frame header is there. */
    private boolean readHeader(ByteBuf in) {
        if (header.readableBytes() < 2) {
            header.writeBytes(in, Math.min(2 - header.readableBytes(), in.readableBytes()));
            if (header.readableBytes() < 2) {
                return false;
            }
        }
        int b1 = header.getByte(1) & 0xff;
        int len7 = b1 & 0x7f;
        int need = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((b1 & 0x80) != 0 ? 4 : 0);
        header.writeBytes(in, Math.min(need - header.readableBytes(), in.readableBytes()));
        return header.readableBytes() == need;
    }

    private void onFrame(ChannelHandlerContext ctx) {
        int b0 = header.getByte(0) & 0xff;
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0f;
        boolean data = opcode <= 2;
        long length = payloadLength();
        if (length < 0) { // a 64-bit length with the top bit set is not WebSocket
            header.clear();
            ctx.close();
            return;
        }
        if (data && droppingMessage && opcode == OP_CONTINUATION) {
            dropping = true;
            droppingMessage = !fin;
        } else if (data && length > maxPayload) {
            dropping = true;
            boolean partlySent = opcode == OP_CONTINUATION && inMessage;
            droppingMessage = !fin && !partlySent;
            inMessage = false;
            ctx.fireUserEventTriggered(new Oversized(partlySent));
        } else {
            dropping = false;
            if (data) {
                inMessage = !fin;
            }
            ctx.fireChannelRead(header.copy());
        }
        header.clear();
        remaining = length;
    }

    private long payloadLength() {
        int len7 = header.getByte(1) & 0x7f;
        return switch (len7) {
            case 126 -> header.getUnsignedShort(2);
            case 127 -> header.getLong(2);
            default -> len7;
        };
    }
}
