package org.hamster.rpc.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON-RPC over one WebSocket connection: every text (or binary) message is a request or a batch, run on a
 * worker; answers may come back in any order, matched by id. Closing the connection closes its subscriptions.
 */
final class WebSocketRpcHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    /** Messages of one connection being worked on at once; beyond this, the connection is not read. */
    static final int MAX_IN_FLIGHT = 64;
    private final RpcServer server;
    private final WebSocketServerHandshaker handshaker;
    private final Session session;
    private final AtomicInteger inFlight = new AtomicInteger();

    WebSocketRpcHandler(RpcServer server, WebSocketServerHandshaker handshaker, Session session) {
        this.server = server;
        this.handshaker = handshaker;
        this.session = session;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            onMessage(ctx.channel(), ByteBufUtil.getBytes(frame.content()));
        } else if (frame instanceof CloseWebSocketFrame) {
            handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        }
    }

    private void onMessage(Channel ch, byte[] message) {
        if (inFlight.incrementAndGet() >= MAX_IN_FLIGHT) {
            ch.config().setAutoRead(false);
        }
        CallContext call = new CallContext(session);
        boolean accepted = server.submit(() -> {
            try {
                byte[] answer = server.dispatcher().handle(message, call);
                if (answer != null) {
                    write(ch, answer);
                }
                call.responseWritten();
            } finally {
                done(ch);
            }
        });
        if (!accepted) {
            write(ch, RpcServer.BUSY);
            done(ch);
        }
    }

    private void done(Channel ch) {
        if (inFlight.decrementAndGet() < MAX_IN_FLIGHT && !ch.config().isAutoRead()) {
            ch.config().setAutoRead(true);
        }
    }

    private static void write(Channel ch, byte[] json) {
        ch.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WsOversizeFilter.Oversized o) {
            tooBig(ctx.channel());
            if (o.mustClose()) {
                handshaker.close(ctx.channel(), new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG));
            }
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) { // the aggregator skipped a message of many small frames
            tooBig(ctx.channel());
            return;
        }
        RpcServer.logConnectionFailure(ctx, cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        server.runOrInline(session::close);
        super.channelInactive(ctx);
    }

    private void tooBig(Channel ch) {
        write(ch, JsonRpc.errorBytes(JsonRpc.OVERSIZED_REQUEST, "Request is too big",
                "Exceeded max limit of " + server.settings().maxRequestBytes()));
    }
}
