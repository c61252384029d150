package org.hamster.rpc.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Building and sending the few HTTP responses the server gives. */
final class HttpResponses {
    private HttpResponses() {
    }

    static FullHttpResponse json(HttpResponseStatus status, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        HttpUtil.setContentLength(r, r.content().readableBytes());
        return r;
    }

    static FullHttpResponse text(HttpResponseStatus status, String body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body + "\n", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        HttpUtil.setContentLength(r, r.content().readableBytes());
        return r;
    }

    /** Lets an allowed browser origin read the response. */
    static FullHttpResponse allowOrigin(FullHttpResponse r, String origin) {
        if (origin != null) {
            r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            r.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
        }
        return r;
    }

    /** Sends; keeps the connection for the next request, or closes it once written. */
    static void send(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
        HttpUtil.setKeepAlive(r, keepAlive);
        ChannelFutureListener next = keepAlive ? f -> {
            if (f.isSuccess()) {
                f.channel().config().setAutoRead(true);
            } else {
                f.channel().close();
            }
        } : ChannelFutureListener.CLOSE;
        ctx.channel().writeAndFlush(r).addListener(next);
    }
}
