package org.hamster.rpc.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.util.Locale;

/**
 * The HTTP side of the port: JSON-RPC over POST (any path), CORS preflights, GET /health, and the upgrade
 * of a connection to WebSocket, after which {@link WebSocketRpcHandler} takes over.
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final RpcServer server;

    HttpRpcHandler(RpcServer server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (!req.decoderResult().isSuccess()) {
            HttpResponses.send(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request"),
                    false);
            return;
        }
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        if (!server.settings().cors().allows(origin)) {
            HttpResponses.send(ctx, HttpResponses.text(HttpResponseStatus.FORBIDDEN, "Origin " + origin
                    + " is not allowed; see corsOrigins in etc/org.hamster.rpc.cfg"), keepAlive);
        } else if (isWebSocketUpgrade(req)) {
            upgrade(ctx, req);
        } else if (req.method().equals(HttpMethod.POST)) {
            post(ctx, req, origin, keepAlive);
        } else if (req.method().equals(HttpMethod.OPTIONS)) {
            HttpResponses.send(ctx, preflight(req, origin), keepAlive);
        } else if (req.method().equals(HttpMethod.GET) && "/health".equals(new QueryStringDecoder(req.uri()).path())) {
            health(ctx, origin, keepAlive);
        } else {
            FullHttpResponse r = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "Send JSON-RPC with POST, or open a WebSocket; GET /health reports the node's health");
            r.headers().set(HttpHeaderNames.ALLOW, "POST, OPTIONS");
            HttpResponses.send(ctx, r, keepAlive);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        RpcServer.logConnectionFailure(ctx, cause);
        ctx.close();
    }

    private void post(ChannelHandlerContext ctx, FullHttpRequest req, String origin, boolean keepAlive) {
        String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            HttpResponses.send(ctx, HttpResponses.text(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Supported content type must be: application/json"), keepAlive);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(req.content());
        ctx.channel().config().setAutoRead(false); // one request at a time: answers keep the order of requests
        boolean accepted = server.submit(() -> {
            byte[] answer = server.dispatcher().handle(body, new CallContext(null));
            HttpResponses.send(ctx, HttpResponses.allowOrigin(
                    HttpResponses.json(HttpResponseStatus.OK, answer), origin), keepAlive);
        });
        if (!accepted) {
            busy(ctx, keepAlive);
        }
    }

    private static void busy(ChannelHandlerContext ctx, boolean keepAlive) {
        HttpResponses.send(ctx, HttpResponses.json(HttpResponseStatus.SERVICE_UNAVAILABLE, RpcServer.BUSY), keepAlive);
    }

    private void health(ChannelHandlerContext ctx, String origin, boolean keepAlive) {
        boolean accepted = server.submit(() -> HttpResponses.send(ctx, HttpResponses.allowOrigin(HttpResponses.json(
                HttpResponseStatus.OK, JsonRpc.bytes(server.health())), origin), keepAlive));
        if (!accepted) {
            busy(ctx, keepAlive);
        }
    }

    private static FullHttpResponse preflight(FullHttpRequest req, String origin) {
        FullHttpResponse r = HttpResponses.allowOrigin(HttpResponses.json(HttpResponseStatus.OK, null), origin);
        r.headers().remove(HttpHeaderNames.CONTENT_TYPE);
        r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
        String asked = req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, asked != null ? asked : "content-type");
        r.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
        return r;
    }

    private static boolean isWebSocketUpgrade(FullHttpRequest req) {
        return req.method().equals(HttpMethod.GET)
                && req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                && req.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    /** Completes the handshake and rebuilds the pipeline for WebSocket frames. */
    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
        int max = server.settings().maxRequestBytes();
        String location = "ws://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + req.uri();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, null, false, max)
                .newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        try {
            handshaker.handshake(ctx.channel(), req);
        } catch (WebSocketServerHandshakeException e) {
            HttpResponses.send(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, e.getMessage()), false);
            return;
        }
        Session session = new Session(ctx.channel(), server.settings().maxSubscriptionsPerConnection());
        ChannelPipeline p = ctx.pipeline();
        p.addBefore("wsdecoder", "ws-size", new WsOversizeFilter(max));
        p.addAfter(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(max));
        p.addAfter("ws-aggregator", "rpc-ws", new WebSocketRpcHandler(server, handshaker, session));
        p.remove(this);
    }
}
