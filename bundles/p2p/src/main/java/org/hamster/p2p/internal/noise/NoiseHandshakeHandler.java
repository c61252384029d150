package org.hamster.p2p.internal.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.hamster.p2p.Identity;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.internal.WireException;

/**
 * Runs the libp2p Noise XX handshake ({@code /noise}) on a channel: 2-byte big-endian length-prefixed messages,
 * no payload in message 1, the signed identity payload in messages 2 and 3. When dialing a known peer the proven
 * peer id must match. On success a {@link NoiseTransportCodec} takes this handler's place and receives any bytes
 * that followed the last handshake message.
 */
public final class NoiseHandshakeHandler extends ChannelInboundHandlerAdapter {
    /** Told the outcome once. */
    public interface Listener {
        /** The channel is secured; the transport codec is already in place. Install what runs on top of it. */
        void secured(ChannelHandlerContext ctx, PeerId remote) throws Exception;

        void failed(ChannelHandlerContext ctx, Throwable cause);
    }

    private static final byte[] EMPTY = new byte[0];
    private final boolean initiator;
    private final Identity identity;
    private final PeerId expected;
    private final Listener listener;
    private final XXHandshake handshake;
    private ByteBuf cumulation;
    private boolean started;
    private boolean done;

    /** {@code expected} is the peer being dialed, or null to accept any authenticated peer. */
    public NoiseHandshakeHandler(boolean initiator, Identity identity, PeerId expected, Listener listener) {
        this.initiator = initiator;
        this.identity = identity;
        this.expected = expected;
        this.listener = listener;
        this.handshake = new XXHandshake(initiator, XXHandshake.newPrivateKey(), EMPTY);
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
        if (!started) {
            started = true;
            if (initiator) {
                send(ctx, handshake.writeMessage(EMPTY));
            }
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done || !(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (cumulation == null) {
            cumulation = ctx.alloc().heapBuffer(Math.max(256, in.readableBytes()));
        }
        cumulation.writeBytes(in);
        in.release();
        try {
            while (!done && cumulation.readableBytes() >= 2) {
                int length = cumulation.getUnsignedShort(cumulation.readerIndex());
                if (cumulation.readableBytes() < 2 + length) {
                    break;
                }
                cumulation.skipBytes(2);
                byte[] message = new byte[length];
                cumulation.readBytes(message);
                receive(ctx, message);
            }
        } catch (Exception e) {
            fail(ctx, e);
        }
    }

    private void receive(ChannelHandlerContext ctx, byte[] message) throws Exception {
        byte[] payload = handshake.readMessage(message);
        if (!initiator && !handshake.isComplete()) { // message 1 read: answer with message 2
            send(ctx, handshake.writeMessage(NoisePayload.create(identity, handshake.staticPublicKey())));
            return;
        }
        PeerId remote = NoisePayload.verify(payload, handshake.remoteStaticKey());
        if (expected != null && !expected.equals(remote)) {
            throw new WireException(P2pException.Reason.PEER_ID_MISMATCH, "noise: dialed " + expected
                    + " but the remote proved to be " + remote);
        }
        if (initiator) { // message 2 read: finish with message 3
            send(ctx, handshake.writeMessage(NoisePayload.create(identity, handshake.staticPublicKey())));
        }
        complete(ctx, remote);
    }

    private void complete(ChannelHandlerContext ctx, PeerId remote) throws Exception {
        done = true;
        CipherState[] states = handshake.split();
        ctx.pipeline().addAfter(ctx.name(), "noise", new NoiseTransportCodec(states[0], states[1]));
        ByteBuf rest = cumulation;
        cumulation = null;
        ctx.pipeline().remove(this);
        try {
            listener.secured(ctx, remote);
        } catch (Exception e) {
            rest.release();
            throw e;
        }
        if (rest.isReadable()) {
            ctx.fireChannelRead(rest);
            ctx.fireChannelReadComplete();
        } else {
            rest.release();
        }
    }

    private void send(ChannelHandlerContext ctx, byte[] message) {
        ByteBuf frame = ctx.alloc().buffer(2 + message.length);
        frame.writeShort(message.length).writeBytes(message);
        ctx.writeAndFlush(frame).addListener(f -> {
            if (!f.isSuccess()) {
                fail(ctx, f.cause());
            }
        });
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        if (done) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        done = true;
        release();
        listener.failed(ctx, cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!done) {
            fail(ctx, new WireException(P2pException.Reason.HANDSHAKE_FAILED, "noise: closed during the handshake"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    private void release() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }
}
