package org.hamster.rpc.internal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Netty's aggregator, answering an oversized body with 413 and a JSON-RPC error (-32007, as jsonrpsee does)
 * instead of an empty 413. As in Netty, a keep-alive connection stays open (the rest of the body is skipped).
 */
final class JsonHttpAggregator extends HttpObjectAggregator {
    JsonHttpAggregator(int maxContentLength) {
        super(maxContentLength);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        boolean keep = !(oversized instanceof FullHttpMessage) && ctx.channel().config().isAutoRead()
                && (HttpUtil.is100ContinueExpected(oversized) || HttpUtil.isKeepAlive(oversized));
        FullHttpResponse r = HttpResponses.json(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, JsonRpc.errorBytes(
                JsonRpc.OVERSIZED_REQUEST, "Request is too big", "Exceeded max limit of " + maxContentLength()));
        HttpUtil.setKeepAlive(r, keep);
        ctx.writeAndFlush(r).addListener(keep ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
    }
}
