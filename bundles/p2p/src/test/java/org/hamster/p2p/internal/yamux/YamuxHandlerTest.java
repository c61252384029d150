package org.hamster.p2p.internal.yamux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hamster.p2p.P2pException;
import org.hamster.p2p.internal.yamux.Frames.Frame;
import org.hamster.p2p.testing.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Yamux session (the listener side, even ids) driven frame by frame by a test peer. */
class YamuxHandlerTest {
    private static final int WINDOW = YamuxFrame.INITIAL_WINDOW;
    private final List<Recorder> accepted = new ArrayList<>();
    private boolean autoRead = true;
    private YamuxHandler session;
    private EmbeddedChannel ch;

    private void start(YamuxConfig config) {
        session = new YamuxHandler(false, config, s -> {
            s.config().setAutoRead(autoRead);
            Recorder r = new Recorder(s);
            accepted.add(r);
            s.pipeline().addLast(r);
        });
        ch = new EmbeddedChannel(session);
    }

    private void start() {
        start(YamuxConfig.defaults().withKeepAlive(Duration.ZERO));
    }

    @AfterEach
    void finish() {
        Wire.finish(ch);
    }

    @Test
    void inboundStreamIsAcknowledgedAndDeliversDataThenEnd() {
        start();
        ch.writeInbound(Frames.window(YamuxFrame.SYN, 1, 0));
        ch.writeInbound(Frames.data(0, 1, "hello".getBytes()));
        ch.writeInbound(Frames.data(YamuxFrame.FIN, 1, " world".getBytes()));
        List<Frame> out = Frames.written(ch);
        assertEquals(YamuxFrame.WINDOW_UPDATE, out.get(0).type());
        assertTrue(out.get(0).has(YamuxFrame.ACK));
        assertEquals(1, out.get(0).id());
        Recorder r = accepted.get(0);
        assertEquals("hello world", r.data.toString());
        assertTrue(r.eof);
        assertTrue(r.stream.isOpen()); // half-closed: the local side may still write
        r.stream.writeAndFlush(Unpooled.wrappedBuffer("bye".getBytes()));
        r.stream.closeWrite();
        ch.runPendingTasks();
        out = Frames.written(ch);
        assertEquals("bye", new String(out.get(0).payload()));
        assertTrue(out.get(1).has(YamuxFrame.FIN));
        assertFalse(r.stream.isOpen()); // both sides done: closed and forgotten
        assertEquals(0, session.streamCount());
    }

    @Test
    void windowIsCreditedAsTheApplicationReads() {
        start();
        ch.writeInbound(Frames.window(YamuxFrame.SYN, 1, 0));
        Frames.written(ch);
        for (int i = 0; i < 8; i++) {
            ch.writeInbound(Frames.data(0, 1, new byte[16 * 1024]));
        }
        List<Frame> out = Frames.written(ch);
        assertEquals(1, out.size());
        assertEquals(YamuxFrame.WINDOW_UPDATE, out.get(0).type());
        assertEquals(WINDOW / 2, out.get(0).length());
    }

    @Test
    void slowReaderBuffersAtMostTheWindowAndAnOverrunIsReset() {
        autoRead = false;
        start();
        ch.writeInbound(Frames.window(YamuxFrame.SYN, 1, 0));
        for (int i = 0; i < 16; i++) {
            ch.writeInbound(Frames.data(0, 1, new byte[16 * 1024]));
        }
        YamuxStreamChannel s = accepted.get(0).stream;
        assertEquals(WINDOW, s.bufferedBytes());
        assertEquals(0, accepted.get(0).data.size());
        assertEquals(1, Frames.written(ch).size()); // only the ACK: no credit while nothing is read
        ch.writeInbound(Frames.data(0, 1, new byte[1]));
        List<Frame> out = Frames.written(ch);
        assertTrue(out.get(0).has(YamuxFrame.RST));
        assertFalse(s.isOpen());
        assertEquals(0, s.bufferedBytes());
        assertEquals(P2pException.Reason.PROTOCOL_ERROR, s.closeReason());
        ch.writeInbound(Frames.data(0, 1, new byte[10])); // late data for the reset stream is dropped
        assertTrue(ch.isOpen());
    }

    @Test
    void slowReaderGetsDataOnDemand() {
        autoRead = false;
        start();
        ch.writeInbound(Frames.window(YamuxFrame.SYN, 1, 0));
        ch.writeInbound(Frames.data(0, 1, new byte[WINDOW]));
        Frames.written(ch);
        YamuxStreamChannel s = accepted.get(0).stream;
        s.read();
        ch.runPendingTasks();
        assertEquals(WINDOW, accepted.get(0).data.size());
        List<Frame> out = Frames.written(ch);
        assertEquals(WINDOW, out.get(0).length()); // the whole window credited back
        ch.writeInbound(Frames.data(0, 1, new byte[WINDOW])); // and usable again
        assertTrue(s.isOpen());
    }

    @Test
    void writesWaitForTheRemoteWindow() throws P2pException {
        start();
        YamuxStreamChannel s = session.openStream(x -> { });
        List<Frame> out = Frames.written(ch);
        assertEquals(2, out.get(0).id()); // the listener's ids are even
        assertTrue(out.get(0).has(YamuxFrame.SYN));
        byte[] payload = new byte[300_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        var written = s.writeAndFlush(Unpooled.wrappedBuffer(payload));
        out = Frames.written(ch);
        assertEquals(WINDOW, Frames.dataBytes(out, 2));
        assertTrue(out.stream().allMatch(f -> f.length() <= 16 * 1024));
        assertFalse(written.isDone());
        ch.writeInbound(Frames.window(YamuxFrame.ACK, 2, 100_000));
        out = Frames.written(ch);
        assertEquals(300_000 - WINDOW, Frames.dataBytes(out, 2));
        assertTrue(written.isSuccess());
    }

    @Test
    void remoteResetEndsTheStream() {
        start();
        ch.writeInbound(Frames.window(YamuxFrame.SYN, 3, 0));
        ch.writeInbound(Frames.window(YamuxFrame.RST, 3, 0));
        Recorder r = accepted.get(0);
        assertFalse(r.stream.isOpen());
        assertEquals(P2pException.Reason.STREAM_RESET, r.stream.closeReason());
        assertEquals(0, session.streamCount());
    }

    @Test
    void pingsAreAnsweredAndGoAwayStopsNewStreams() {
        start();
        ch.writeInbound(Frames.header(YamuxFrame.PING, YamuxFrame.SYN, 0, 0xCAFE));
        Frame pong = Frames.written(ch).get(0);
        assertEquals(YamuxFrame.PING, pong.type());
        assertTrue(pong.has(YamuxFrame.ACK));
        assertEquals(0xCAFE, pong.length());
        ch.writeInbound(Frames.window(YamuxFrame.SYN, 1, 0));
        ch.writeInbound(Frames.header(YamuxFrame.GO_AWAY, 0, 0, 0));
        assertThrows(P2pException.class, () -> session.openStream(x -> { }));
        assertTrue(ch.isOpen()); // stream 1 still runs
        ch.writeInbound(Frames.window(YamuxFrame.RST, 1, 0));
        ch.runPendingTasks();
        assertFalse(ch.isOpen());
    }

    @Test
    void protocolViolationsEndTheSessionWithGoAway() {
        ByteBuf[] violations = {
            Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("010000000000000100000000")), // version 1
            Frames.header(7, 0, 1, 0), // unknown type
            Frames.window(YamuxFrame.SYN, 2, 0), // an even id from the dialer
            Frames.data(0, 0, new byte[1]), // data on stream 0
            Frames.header(YamuxFrame.DATA, 0, 1, WINDOW + 1), // larger than any window
            Unpooled.wrappedBuffer(Frames.window(YamuxFrame.SYN, 1, 0), Frames.window(YamuxFrame.SYN, 1, 0)),
        };
        for (ByteBuf v : violations) {
            accepted.clear();
            start();
            ch.writeInbound(v);
            List<Frame> out = Frames.written(ch);
            Frame last = out.get(out.size() - 1);
            assertEquals(YamuxFrame.GO_AWAY, last.type());
            assertEquals(YamuxFrame.GO_AWAY_PROTOCOL_ERROR, last.length());
            assertFalse(ch.isOpen());
            accepted.forEach(r -> assertFalse(r.stream.isOpen()));
            Wire.finish(ch);
        }
    }

    @Test
    void streamsBeyondTheLimitAreRefused() {
        start(new YamuxConfig(WINDOW, 2, 256, 16 * 1024, Duration.ZERO, Duration.ofSeconds(30)));
        for (int id = 1; id <= 5; id += 2) {
            ch.writeInbound(Frames.window(YamuxFrame.SYN, id, 0));
        }
        List<Frame> out = Frames.written(ch);
        assertEquals(2, accepted.size());
        assertTrue(out.get(2).has(YamuxFrame.RST));
        assertEquals(5, out.get(2).id());
        assertThrows(P2pException.class, () -> session.openStream(x -> { }));
    }

    @Test
    void unacknowledgedStreamsAreLimited() throws P2pException {
        start(new YamuxConfig(WINDOW, 1000, 3, 16 * 1024, Duration.ZERO, Duration.ofSeconds(30)));
        for (int i = 0; i < 3; i++) {
            session.openStream(x -> { });
        }
        P2pException e = assertThrows(P2pException.class, () -> session.openStream(x -> { }));
        assertEquals(P2pException.Reason.LIMIT_EXCEEDED, e.reason());
        ch.writeInbound(Frames.window(YamuxFrame.ACK, 2, 0));
        session.openStream(x -> { });
    }

    @Test
    void closedStreamLingersThenResets() {
        start(new YamuxConfig(WINDOW, 10, 256, 16 * 1024, Duration.ZERO, Duration.ofSeconds(5)));
        ch.writeInbound(Frames.window(YamuxFrame.SYN, 1, 0));
        ch.writeInbound(Frames.window(YamuxFrame.SYN, 3, 0));
        Frames.written(ch);
        accepted.get(0).stream.close();
        accepted.get(1).stream.close();
        List<Frame> out = Frames.written(ch);
        assertTrue(out.stream().allMatch(f -> f.has(YamuxFrame.FIN)));
        assertEquals(2, session.streamCount());
        ch.writeInbound(Frames.data(YamuxFrame.FIN, 1, new byte[3])); // stream 1 ends properly
        assertEquals(1, session.streamCount());
        ch.advanceTimeBy(6, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        out = Frames.written(ch);
        assertEquals(1, out.size());
        assertTrue(out.get(0).has(YamuxFrame.RST));
        assertEquals(3, out.get(0).id());
        assertEquals(0, session.streamCount());
    }

    @Test
    void keepAlivePingsAndGivesUpOnSilence() {
        start(YamuxConfig.defaults().withKeepAlive(Duration.ofSeconds(1)));
        ch.advanceTimeBy(1100, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        Frame ping = Frames.written(ch).get(0);
        assertEquals(YamuxFrame.PING, ping.type());
        assertTrue(ping.has(YamuxFrame.SYN));
        ch.writeInbound(Frames.header(YamuxFrame.PING, YamuxFrame.ACK, 0, ping.length()));
        assertTrue(session.lastRttNanos() >= 0);
        for (int i = 0; i < 4; i++) {
            ch.advanceTimeBy(1, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
        }
        assertFalse(ch.isOpen());
    }

    @Test
    void connectionLossFailsEveryStream() throws P2pException {
        start();
        ch.writeInbound(Frames.window(YamuxFrame.SYN, 1, 0));
        ch.writeInbound(Frames.data(0, 1, new byte[] {1, 2, 3}));
        YamuxStreamChannel out = session.openStream(x -> { });
        var pending = out.writeAndFlush(Unpooled.wrappedBuffer(new byte[WINDOW + 10]));
        ch.close();
        assertFalse(accepted.get(0).stream.isOpen());
        assertEquals(P2pException.Reason.CONNECTION_CLOSED, accepted.get(0).stream.closeReason());
        assertFalse(out.isOpen());
        assertFalse(pending.isSuccess());
        assertArrayEquals(new byte[] {1, 2, 3}, accepted.get(0).data.toByteArray());
    }

    /** Records what an inbound stream delivers. */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        final YamuxStreamChannel stream;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean eof;

        Recorder(YamuxStreamChannel stream) {
            this.stream = stream;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg;
            data.writeBytes(ByteBufUtil.getBytes(b));
            b.release();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                eof = true;
            }
        }
    }
}
