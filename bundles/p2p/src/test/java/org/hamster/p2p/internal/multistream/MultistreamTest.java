package org.hamster.p2p.internal.multistream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.internal.WireException;
import org.hamster.p2p.testing.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MultistreamTest {
    private static final String HEADER = MultistreamCodec.PROTOCOL_ID;
    private final Outcome outcome = new Outcome();
    private EmbeddedChannel ch;

    @AfterEach
    void close() {
        if (ch != null) {
            Wire.finish(ch);
        }
    }

    @Test
    void initiatorPipelinesHeaderAndProposalThenForwardsTheRest() {
        ch = new EmbeddedChannel(MultistreamHandler.initiator(List.of("/echo/1.0.0"), Duration.ofSeconds(5), outcome));
        assertEquals(hex(HEADER, "/echo/1.0.0"), outbound());
        ByteBuf in = msg(HEADER, "/echo/1.0.0");
        in.writeBytes("payload".getBytes(StandardCharsets.US_ASCII));
        ch.writeInbound(in);
        assertEquals("/echo/1.0.0", outcome.selected);
        assertEquals("payload", outcome.forwarded.toString(StandardCharsets.US_ASCII));
        assertNull(ch.pipeline().get(MultistreamHandler.class));
    }

    @Test
    void initiatorMovesToTheNextProposalAfterNa() {
        ch = new EmbeddedChannel(MultistreamHandler.initiator(List.of("/a", "/b"), Duration.ofSeconds(5), outcome));
        outbound();
        ch.writeInbound(msg(HEADER, "na"));
        assertEquals(hex("/b"), outbound());
        ch.writeInbound(msg("/b"));
        assertEquals("/b", outcome.selected);
    }

    @Test
    void initiatorFailsWhenEveryProposalIsRefused() {
        ch = new EmbeddedChannel(MultistreamHandler.initiator(List.of("/a", "/b"), Duration.ofSeconds(5), outcome));
        ch.writeInbound(msg(HEADER, "na", "na"));
        assertEquals(P2pException.Reason.PROTOCOL_NOT_SUPPORTED, ((WireException) outcome.failure).reason());
        assertFalse(ch.isOpen());
    }

    @Test
    void responderAnswersNaLsAndTheAgreedProtocol() {
        ch = new EmbeddedChannel(MultistreamHandler.responder(Set.of("/x", "/y")::contains, () -> List.of("/x", "/y"),
                Duration.ofSeconds(5), outcome));
        assertEquals(hex(HEADER), outbound());
        ch.writeInbound(msg(HEADER, "/unknown", "ls"));
        ByteBuf list = Unpooled.buffer();
        MultistreamCodec.write(list, "/x");
        MultistreamCodec.write(list, "/y");
        list.writeByte('\n');
        ByteBuf expected = Unpooled.buffer();
        MultistreamCodec.write(expected, "na");
        expected.writeByte(list.readableBytes()).writeBytes(list);
        assertEquals(ByteBufUtil.hexDump(expected), outbound());
        expected.release();
        list.release();
        ch.writeInbound(msg("/y"));
        assertEquals(hex("/y"), outbound());
        assertEquals("/y", outcome.selected);
    }

    @Test
    void responderCopesWithOneByteAtATime() {
        ch = new EmbeddedChannel(MultistreamHandler.responder("/x"::equals, List::of, Duration.ofSeconds(5), outcome));
        ByteBuf all = msg(HEADER, "/x");
        all.writeBytes(new byte[] {1, 2, 3});
        while (all.isReadable()) {
            ch.writeInbound(all.readRetainedSlice(1));
        }
        all.release();
        assertEquals("/x", outcome.selected);
        assertEquals(3, outcome.forwarded.readableBytes());
    }

    @Test
    void malformedInputFailsTheNegotiation() {
        byte[][] garbage = {
            bytes(msg("/multistream/2.0.0")),
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff},
            {(byte) 0xd0, 0x0f}, // a 2000-byte message
            {0x03, 'a', 'b', 'c'}, // no newline
            {0x00}, // empty message
            {0x03, (byte) 0xc3, 0x28, '\n'}, // not UTF-8
            ("GET / HTTP/1.1\r\nHost: example.org\r\nUser-Agent: curl/8.0\r\nAccept: */*\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII),
        };
        for (byte[] g : garbage) {
            Outcome o = new Outcome();
            EmbeddedChannel c = new EmbeddedChannel(MultistreamHandler.responder("/x"::equals, List::of,
                    Duration.ofSeconds(5), o));
            c.writeInbound(Unpooled.wrappedBuffer(g));
            assertNotNull(o.failure, ByteBufUtil.hexDump(g));
            assertNull(o.selected);
            assertFalse(c.isOpen());
            Wire.finish(c);
        }
    }

    @Test
    void responderGivesUpAfterTooManyRefusals() {
        ch = new EmbeddedChannel(MultistreamHandler.responder("/x"::equals, List::of, Duration.ofSeconds(5), outcome));
        ByteBuf in = msg(HEADER);
        for (int i = 0; i <= MultistreamHandler.MAX_ATTEMPTS; i++) {
            MultistreamCodec.write(in, "/nope/" + i);
        }
        ch.writeInbound(in);
        assertNotNull(outcome.failure);
        assertFalse(ch.isOpen());
    }

    @Test
    void silentRemoteTimesOut() {
        ch = new EmbeddedChannel(MultistreamHandler.initiator(List.of("/a"), Duration.ofMillis(200), outcome));
        ch.advanceTimeBy(300, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertEquals(P2pException.Reason.TIMEOUT, ((WireException) outcome.failure).reason());
    }

    @Test
    void closeDuringNegotiationFails() {
        ch = new EmbeddedChannel(MultistreamHandler.initiator(List.of("/a"), Duration.ofSeconds(5), outcome));
        ch.writeInbound(msg(HEADER).writeByte(0x05)); // half a message stays buffered
        ch.close();
        assertEquals(P2pException.Reason.CONNECTION_CLOSED, ((WireException) outcome.failure).reason());
        assertTrue(outcome.forwarded.readableBytes() == 0);
    }

    private String outbound() {
        ByteBuf all = Wire.drainOutbound(ch);
        String h = ByteBufUtil.hexDump(all);
        all.release();
        return h;
    }

    private static ByteBuf msg(String... lines) {
        ByteBuf out = Unpooled.buffer();
        for (String l : lines) {
            MultistreamCodec.write(out, l);
        }
        return out;
    }

    private static String hex(String... lines) {
        ByteBuf b = MultistreamCodec.encode(ByteBufAllocator.DEFAULT, lines);
        String h = ByteBufUtil.hexDump(b);
        b.release();
        return h;
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = ByteBufUtil.getBytes(b);
        b.release();
        return out;
    }

    /** Records the outcome and collects what the handler forwards after agreeing. */
    static final class Outcome implements MultistreamHandler.Listener {
        String selected;
        Throwable failure;
        final ByteBuf forwarded = Unpooled.buffer();

        @Override
        public void selected(ChannelHandlerContext ctx, String protocol) {
            selected = protocol;
            ctx.pipeline().addAfter(ctx.name(), "sink", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext c, Object msg) {
                    ByteBuf b = (ByteBuf) msg;
                    forwarded.writeBytes(b);
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
