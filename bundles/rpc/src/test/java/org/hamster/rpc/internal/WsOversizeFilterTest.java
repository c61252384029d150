package org.hamster.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame-header reader in front of Netty's decoder, fed hand-made masked client frames. */
class WsOversizeFilterTest {
    private static final int MAX = 100;
    private final List<Object> events = new ArrayList<>();

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new WsOversizeFilter(MAX), new WebSocket13FrameDecoder(true, false, MAX),
                new WebSocketFrameAggregator(MAX), new ChannelInboundHandlerAdapter() {
                    @Override
                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                        events.add(evt);
                    }
                });
    }

    /** A client frame: FIN bit, opcode, masked payload with the 16- or 64-bit length forms as needed. */
    private static ByteBuf frame(boolean fin, int opcode, byte[] payload) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            b.writeByte(0x80 | payload.length);
        } else if (payload.length < 65536) {
            b.writeByte(0x80 | 126).writeShort(payload.length);
        } else {
            b.writeByte(0x80 | 127).writeLong(payload.length);
        }
        byte[] mask = {1, 2, 3, 4};
        b.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            b.writeByte(payload[i] ^ mask[i % 4]);
        }
        return b;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String readText(EmbeddedChannel ch) {
        WebSocketFrame f = ch.readInbound();
        if (f == null) {
            return null;
        }
        try {
            assertTrue(f instanceof TextWebSocketFrame, f.toString());
            return ((TextWebSocketFrame) f).text();
        } finally {
            f.release();
        }
    }

    @Test
    void smallFramesPassEvenByteByByte() {
        EmbeddedChannel ch = channel();
        ByteBuf all = Unpooled.wrappedBuffer(frame(true, 1, text("hello")), frame(true, 1, text("x".repeat(MAX))));
        while (all.isReadable()) {
            ch.writeInbound(all.readRetainedSlice(1));
        }
        all.release();
        assertEquals("hello", readText(ch));
        assertEquals("x".repeat(MAX), readText(ch));
        assertTrue(events.isEmpty());
        assertTrue(ch.isActive());
    }

    @Test
    void anOversizedFrameIsSkippedAndReported() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(frame(true, 1, text("y".repeat(70_000))), frame(true, 1, text("after")));
        assertEquals(List.of(new WsOversizeFilter.Oversized(false)), events);
        assertEquals("after", readText(ch));
        assertNull(readText(ch));
        assertTrue(ch.isActive());
    }

    @Test
    void theRestOfAnOversizedMessageIsSkippedToo() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(frame(false, 1, text("z".repeat(MAX + 1))), frame(false, 0, text("more")),
                frame(true, 0, text("end")), frame(true, 1, text("next")));
        assertEquals(List.of(new WsOversizeFilter.Oversized(false)), events);
        assertEquals("next", readText(ch));
        assertTrue(ch.isActive());
    }

    @Test
    void anOversizedContinuationOfAStartedMessageAsksToClose() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(frame(false, 1, text("start")), frame(true, 0, text("w".repeat(MAX + 1))));
        assertEquals(List.of(new WsOversizeFilter.Oversized(true)), events);
        assertNull(readText(ch));
    }
}
