package org.hamster.p2p.internal.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CoalescingBufferQueue;
import java.nio.channels.ClosedChannelException;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.internal.WireException;

/**
 * Noise transport messages after the handshake: each frame is a 2-byte big-endian length and a ChaChaPoly
 * ciphertext of at most 65535 bytes including its 16-byte tag. Outbound writes are coalesced until a flush and
 * then cut into frames of up to 65519 plaintext bytes, so a Yamux header and its payload share one frame.
 */
final class NoiseTransportCodec extends ChannelDuplexHandler {
    static final int MAX_FRAME = 65535;
    static final int MAX_PLAINTEXT = MAX_FRAME - CipherState.TAG_LENGTH;
    private final CipherState send;
    private final CipherState receive;
    private CoalescingBufferQueue pending;
    private ByteBuf cumulation;
    private boolean broken;
    private boolean cleanedUp;

    NoiseTransportCodec(CipherState send, CipherState receive) {
        this.send = send;
        this.receive = receive;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        pending = new CoalescingBufferQueue(ctx.channel(), 4, false);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (broken || cleanedUp) { // closing after a bad frame, or gone: ignore what is still in flight
            in.release();
            return;
        }
        try {
            if ((cumulation == null || !cumulation.isReadable()) && suits(in)) {
                decodeFrames(ctx, in); // whole frames straight from the read buffer
                if (in.isReadable() && !cleanedUp) {
                    cumulation(ctx, in.readableBytes()).writeBytes(in);
                }
            } else {
                cumulation(ctx, in.readableBytes()).writeBytes(in);
                decodeFrames(ctx, cumulation);
                compact();
            }
        } catch (RuntimeException e) {
            broken = true;
            throw e;
        } finally {
            in.release();
        }
    }

    /** Whether the cipher can work on {@code in} where it is (direct memory for native, an array for Java). */
    private boolean suits(ByteBuf in) {
        return send.prefersDirect() ? in.isDirect() && in.nioBufferCount() == 1 : in.hasArray();
    }

    private ByteBuf cumulation(ChannelHandlerContext ctx, int incoming) {
        if (cumulation == null) {
            cumulation = buffer(ctx, Math.max(4096, incoming));
        }
        return cumulation;
    }

    /** Decrypts and passes on every whole frame at the front of {@code source}; stops if the pipeline goes away. */
    private void decodeFrames(ChannelHandlerContext ctx, ByteBuf source) {
        while (!cleanedUp && source.readableBytes() >= 2) {
            int length = source.getUnsignedShort(source.readerIndex());
            if (length < CipherState.TAG_LENGTH) {
                throw new WireException(P2pException.Reason.PROTOCOL_ERROR, "noise: frame of " + length
                        + " bytes cannot hold a tag");
            }
            if (source.readableBytes() < 2 + length) {
                break;
            }
            int plainLength = length - CipherState.TAG_LENGTH;
            ByteBuf plain = buffer(ctx, plainLength);
            try {
                int n = receive.decrypt(null, source.nioBuffer(source.readerIndex() + 2, length),
                        plain.nioBuffer(plain.writerIndex(), plainLength));
                plain.writerIndex(plain.writerIndex() + n);
            } catch (RuntimeException e) {
                plain.release();
                throw e;
            }
            source.skipBytes(2 + length);
            if (plain.isReadable()) {
                ctx.fireChannelRead(plain);
            } else {
                plain.release();
            }
        }
    }

    private void compact() {
        if (cumulation != null) {
            if (!cumulation.isReadable()) {
                cumulation.clear();
            } else if (cumulation.readerIndex() > cumulation.capacity() / 2) {
                cumulation.discardReadBytes();
            }
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            pending.add(buf, promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        while (!pending.isEmpty()) {
            ChannelPromise framePromise = ctx.newPromise();
            ByteBuf plain = pending.remove(MAX_PLAINTEXT, framePromise);
            int n = plain.readableBytes();
            if (n == 0) {
                plain.release();
                ctx.write(Unpooled.EMPTY_BUFFER, framePromise);
                continue;
            }
            ByteBuf frame = buffer(ctx, 2 + n + CipherState.TAG_LENGTH);
            try {
                frame.writeShort(n + CipherState.TAG_LENGTH);
                frame.writeBytes(plain, plain.readerIndex(), n);
                send.encrypt(null, frame.nioBuffer(2, n), frame.nioBuffer(2, n + CipherState.TAG_LENGTH));
                frame.writerIndex(2 + n + CipherState.TAG_LENGTH);
            } catch (RuntimeException e) {
                frame.release();
                framePromise.setFailure(e);
                throw e;
            } finally {
                plain.release();
            }
            ctx.write(frame, framePromise);
        }
        ctx.flush();
    }

    /** Direct memory for a native cipher, heap arrays for the pure Java one (see ChaChaPoly#prefersDirect). */
    private ByteBuf buffer(ChannelHandlerContext ctx, int capacity) {
        return send.prefersDirect() ? ctx.alloc().directBuffer(capacity) : ctx.alloc().heapBuffer(capacity);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        flush(ctx); // a last go-away must not be lost
        ctx.close(promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cleanup();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cleanup();
    }

    private void cleanup() {
        cleanedUp = true;
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
        if (pending != null && !pending.isEmpty()) {
            pending.releaseAndFailAll(new ClosedChannelException());
        }
    }
}
