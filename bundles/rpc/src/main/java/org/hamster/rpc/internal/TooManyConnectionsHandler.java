package org.hamster.rpc.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

/** Answers a connection over the limit with 429 (as jsonrpsee does) and closes it. */
final class TooManyConnectionsHandler extends ChannelInboundHandlerAdapter {
    private final int max;

    TooManyConnectionsHandler(int max) {
        this.max = max;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest) {
                HttpResponses.send(ctx, HttpResponses.json(HttpResponseStatus.TOO_MANY_REQUESTS,
                        JsonRpc.errorBytes(JsonRpc.SERVER_BUSY, "Too many connections. Please try again later.",
                                "Exceeded max limit of " + max + " connections")), false);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
