package org.hamster.p2p.internal.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import org.hamster.p2p.P2pException;

/**
 * One Yamux stream as a Netty channel, child of the connection's channel and on its event loop, so protocol
 * handlers (multistream-select, a relay's Noise upgrade) run on streams as on sockets. Writes leave as data
 * frames only within the remote's window and while the parent is writable; reads are delivered as the pipeline
 * asks for them (auto-read or {@code read()}), and consumed bytes are credited back to the remote in window
 * updates. Writing {@link #FIN} half-closes after the queued data; a remote FIN arrives as
 * {@link ChannelInputShutdownEvent}.
 */
public final class YamuxStreamChannel extends ChildChannel {
    /** Written to a stream, ends its outbound direction (FIN) after everything written before it. */
    public static final Object FIN = new Object() {
        @Override
        public String toString() {
            return "FIN";
        }
    };
    private final YamuxHandler session;
    private final FrameWriter writer;
    private final long id;
    private final boolean outbound;
    private final ReceiveWindow inbound;
    private long sendWindow = YamuxFrame.INITIAL_WINDOW;
    private boolean acknowledged;
    private boolean readPending;
    private boolean delivering;
    private boolean remoteFin;
    private boolean eofDelivered;
    private boolean localFin;
    private boolean abandoned;
    private P2pException.Reason closeReason;
    private ScheduledFuture<?> lingerTimer;

    YamuxStreamChannel(YamuxHandler session, FrameWriter writer, Channel parent, long id, boolean outbound,
            int window) {
        super(parent);
        this.session = session;
        this.writer = writer;
        this.id = id;
        this.outbound = outbound;
        this.inbound = new ReceiveWindow(window);
    }

    public long streamId() {
        return id;
    }

    public boolean isOutbound() {
        return outbound;
    }

    /** Half-close after the queued writes. */
    public ChannelFuture closeWrite() {
        return writeAndFlush(FIN);
    }

    /** Abort: RST to the remote, queued data dropped, the channel closed. */
    public void reset() {
        if (eventLoop().inEventLoop()) {
            resetNow(P2pException.Reason.STREAM_RESET);
        } else {
            eventLoop().execute(() -> resetNow(P2pException.Reason.STREAM_RESET));
        }
    }

    /** Why the stream ended abnormally (reset, protocol error, connection closed); null for a clean end. */
    public P2pException.Reason closeReason() {
        return closeReason;
    }

    /** Received bytes not yet read by the pipeline; never more than the receive window. */
    public int bufferedBytes() {
        return inbound.buffered();
    }

    // ---- called by the session, on the event loop

    void onAck() {
        if (outbound && !acknowledged) {
            acknowledged = true;
            session.acknowledged();
        }
    }

    void lingerTimer(ScheduledFuture<?> timer) {
        lingerTimer = timer;
    }

    void cancelLinger() {
        if (lingerTimer != null) {
            lingerTimer.cancel(false);
            lingerTimer = null;
        }
    }

    boolean isAcknowledged() {
        return acknowledged;
    }

    void onData(ByteBuf payload) {
        if (!isOpen() || !payload.isReadable()) {
            payload.release(); // closed locally (lingering) or empty
            return;
        }
        if (remoteFin || !inbound.offer(payload)) {
            session.logViolation(this, remoteFin ? "data after FIN"
                    : payload.readableBytes() + " bytes exceed the window of " + inbound.credit());
            payload.release();
            resetNow(P2pException.Reason.PROTOCOL_ERROR);
            return;
        }
        deliver();
    }

    void onWindowUpdate(long delta) {
        sendWindow = Math.min(sendWindow + delta, 0xFFFFFFFFL);
        resumeWrites();
    }

    void onRemoteFin() {
        if (!isOpen()) {
            session.remove(this); // the lingering stream is done
            return;
        }
        remoteFin = true;
        deliver();
    }

    void onRemoteReset() {
        if (isOpen()) {
            closeReason = P2pException.Reason.STREAM_RESET;
            abandoned = true;
            close();
        }
        session.remove(this);
    }

    void onSessionClosed() {
        abandoned = true;
        if (isOpen()) {
            if (closeReason == null && !(eofDelivered && localFin)) {
                closeReason = P2pException.Reason.CONNECTION_CLOSED;
            }
            close();
        }
    }

    void resumeWrites() {
        if (isOpen() && unsafe().outboundBuffer() != null && !unsafe().outboundBuffer().isEmpty()) {
            unsafe().flush();
        }
    }

    void resetNow(P2pException.Reason reason) {
        if (!isOpen()) {
            return;
        }
        closeReason = reason;
        abandoned = true;
        writer.reset(id);
        session.remove(this);
        close();
    }

    private void deliver() {
        if (delivering) {
            return;
        }
        delivering = true;
        try {
            while (readPending && isOpen()) {
                if (!inbound.isEmpty()) {
                    readPending = false;
                    ByteBuf b;
                    while (isOpen() && (b = inbound.poll()) != null) {
                        pipeline().fireChannelRead(b);
                    }
                    long credit = isOpen() && !remoteFin ? inbound.takeCredit() : 0;
                    if (credit > 0) {
                        writer.windowUpdate(id, credit);
                    }
                    pipeline().fireChannelReadComplete();
                } else if (remoteFin && !eofDelivered) {
                    readPending = false;
                    eofDelivered = true;
                    pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
                    pipeline().fireUserEventTriggered(ChannelInputShutdownReadComplete.INSTANCE);
                    closeIfDone();
                } else {
                    break;
                }
            }
        } finally {
            delivering = false;
        }
    }

    private void closeIfDone() {
        if (isOpen() && localFin && eofDelivered) {
            eventLoop().execute(() -> close());
        }
    }

    // ---- Netty channel

    @Override
    protected void doWrite(ChannelOutboundBuffer in) {
        boolean wrote = false;
        Object msg;
        while ((msg = in.current()) != null) {
            if (msg == FIN) {
                if (!localFin) {
                    localFin = true;
                    writer.frame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.FIN, id, 0);
                    wrote = true;
                }
                in.remove();
                closeIfDone();
                continue;
            }
            ByteBuf buf = (ByteBuf) msg;
            if (localFin) {
                in.remove(new ClosedChannelException());
                continue;
            }
            int readable = buf.readableBytes();
            if (readable == 0) {
                in.remove();
                continue;
            }
            if (!writer.isWritable()) {
                writer.flush(); // the parent's writability may come back right here, while this flush runs
                if (!writer.isWritable()) {
                    break; // resumeWrites() once the connection drains
                }
            }
            if (sendWindow <= 0) {
                break; // resumeWrites() on the next window update
            }
            int n = (int) Math.min(Math.min(readable, sendWindow), writer.maxFrame());
            writer.data(id, buf.retainedSlice(buf.readerIndex(), n));
            sendWindow -= n;
            in.removeBytes(n);
            wrote = true;
        }
        if (wrote) {
            writer.flush();
        }
    }

    @Override
    protected Object filterOutboundMessage(Object msg) {
        if (msg instanceof ByteBuf || msg == FIN) {
            return msg;
        }
        throw new UnsupportedOperationException("a yamux stream writes ByteBufs, got " + msg.getClass().getName());
    }

    @Override
    protected void doBeginRead() {
        readPending = true;
        deliver();
    }

    @Override
    protected void doClose() {
        if (!markClosed()) {
            return;
        }
        inbound.release();
        if (abandoned) {
            return;
        }
        if (!localFin) {
            localFin = true;
            writer.frame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.FIN, id, 0);
            writer.flush();
        }
        if (remoteFin) {
            session.remove(this);
        } else {
            session.linger(this);
        }
    }

    @Override
    public String toString() {
        return "yamux stream " + id + " of " + parent();
    }
}
