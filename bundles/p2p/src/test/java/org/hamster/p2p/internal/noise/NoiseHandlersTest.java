package org.hamster.p2p.internal.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.hamster.p2p.Identity;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.PeerId;
import org.hamster.p2p.internal.WireException;
import org.hamster.p2p.testing.Wire;
import org.junit.jupiter.api.Test;

/** Two Java peers running the libp2p Noise handshake and transport over in-memory channels. */
class NoiseHandlersTest {
    private final Identity alice = Identity.generate();
    private final Identity bob = Identity.generate();

    @Test
    void handshakeAuthenticatesBothPeersAndCarriesData() {
        Side a = new Side();
        Side b = new Side();
        EmbeddedChannel ca = new EmbeddedChannel(new NoiseHandshakeHandler(true, alice, bob.peerId(), a));
        EmbeddedChannel cb = new EmbeddedChannel(new NoiseHandshakeHandler(false, bob, null, b));
        Wire.shuttle(ca, cb);
        assertEquals(bob.peerId(), a.remote);
        assertEquals(alice.peerId(), b.remote);
        byte[] big = new byte[200_000];
        new Random(3).nextBytes(big);
        ca.writeAndFlush(Unpooled.wrappedBuffer(big));
        ca.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {42}));
        cb.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {7, 8}));
        Wire.shuttle(ca, cb);
        byte[] expected = java.util.Arrays.copyOf(big, big.length + 1);
        expected[big.length] = 42;
        assertArrayEquals(expected, b.received.toByteArray());
        assertArrayEquals(new byte[] {7, 8}, a.received.toByteArray());
        Wire.finish(ca, cb);
    }

    @Test
    void dialingTheWrongPeerFails() {
        Side a = new Side();
        Side b = new Side();
        PeerId someoneElse = Identity.generate().peerId();
        EmbeddedChannel ca = new EmbeddedChannel(new NoiseHandshakeHandler(true, alice, someoneElse, a));
        EmbeddedChannel cb = new EmbeddedChannel(new NoiseHandshakeHandler(false, bob, null, b));
        Wire.shuttle(ca, cb);
        assertEquals(P2pException.Reason.PEER_ID_MISMATCH, ((WireException) a.failure).reason());
        assertNull(a.remote);
        assertFalse(ca.isOpen());
        Wire.finish(ca, cb);
    }

    @Test
    void garbageInsteadOfAHandshakeIsRefused() {
        String[] garbage = {"0005" + "0102030405", "ffff" + "00".repeat(70000), "0020" + "00".repeat(32),
            "0050" + "11".repeat(0x50)};
        for (String g : garbage) {
            Side b = new Side();
            EmbeddedChannel cb = new EmbeddedChannel(new NoiseHandshakeHandler(false, bob, null, b));
            cb.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(g)));
            if (b.failure == null) { // a valid-looking first message: the peer then hangs up
                cb.close();
            }
            assertNotNull(b.failure, g.substring(0, 8));
            assertNull(b.remote);
            Wire.finish(cb);
        }
        // the initiator gets garbage as message 2
        Side a = new Side();
        EmbeddedChannel ca = new EmbeddedChannel(new NoiseHandshakeHandler(true, alice, null, a));
        ca.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0060" + "ab".repeat(0x60))));
        assertEquals(P2pException.Reason.HANDSHAKE_FAILED, ((WireException) a.failure).reason());
        Wire.finish(ca);
    }

    @Test
    void transportRejectsShortAndForgedFrames() {
        for (String frame : new String[] {"000f" + "00".repeat(15), "0020" + "00".repeat(32)}) {
            Side a = new Side();
            Side b = new Side();
            EmbeddedChannel ca = new EmbeddedChannel(new NoiseHandshakeHandler(true, alice, null, a));
            EmbeddedChannel cb = new EmbeddedChannel(new NoiseHandshakeHandler(false, bob, null, b),
                    new ChannelInboundHandlerAdapter() {
                        @Override
                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                            b.failure = cause;
                            ctx.close();
                        }
                    });
            Wire.shuttle(ca, cb);
            assertNotNull(b.remote);
            cb.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(frame)));
            assertNotNull(b.failure);
            assertFalse(cb.isOpen());
            Wire.finish(ca, cb);
        }
    }

    /** One side's outcome; once secured it collects the decrypted data. */
    private static final class Side implements NoiseHandshakeHandler.Listener {
        PeerId remote;
        Throwable failure;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();

        @Override
        public void secured(ChannelHandlerContext ctx, PeerId peer) {
            remote = peer;
            ctx.pipeline().addAfter("noise", "sink", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext c, Object msg) {
                    ByteBuf b = (ByteBuf) msg;
                    received.writeBytes(ByteBufUtil.getBytes(b));
                    b.release();
                }
            });
        }

        @Override
        public void failed(ChannelHandlerContext ctx, Throwable cause) {
            failure = cause;
            ctx.close();
        }
    }
}
