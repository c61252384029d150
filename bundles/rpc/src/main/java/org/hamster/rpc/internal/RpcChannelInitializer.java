package org.hamster.rpc.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;

/** Every connection starts as HTTP; {@link HttpRpcHandler} turns it into a WebSocket when asked. */
final class RpcChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final RpcServer server;

    RpcChannelInitializer(RpcServer server) {
        this.server = server;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast("http", new HttpServerCodec());
        if (!server.acceptConnection(ch)) {
            p.addLast("reject", new TooManyConnectionsHandler(server.settings().maxConnections()));
            return;
        }
        p.addLast("aggregator", new JsonHttpAggregator(server.settings().maxRequestBytes()));
        // holds back decoded messages while reading is paused, so pipelined requests wait their turn
        p.addLast("flow", new FlowControlHandler());
        p.addLast("rpc-http", new HttpRpcHandler(server));
    }
}
