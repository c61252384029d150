package org.hamster.rpc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Hamster JSON-RPC server",
        description = "JSON-RPC 2.0 with Substrate method names, WebSocket and HTTP POST on one port")
@interface RpcConfig {
    @AttributeDefinition(description = "Interface to bind; keep 127.0.0.1 unless other hosts must reach the node")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port (Substrate's default is 9944); 0 picks a free port")
    int port() default 9944;

    @AttributeDefinition(description = "Largest request accepted, in bytes: an HTTP body or a WebSocket message")
    int maxRequestBytes() default 10 * 1024 * 1024;

    @AttributeDefinition(description = "Largest response sent, in bytes; a larger one is replaced by error -32008")
    int maxResponseBytes() default 10 * 1024 * 1024;

    @AttributeDefinition(description = "Maximum concurrent connections (HTTP and WebSocket together)")
    int maxConnections() default 100;

    @AttributeDefinition(description = "Maximum live subscriptions per WebSocket connection")
    int maxSubscriptionsPerConnection() default 1024;

    @AttributeDefinition(description = "Comma-separated browser origins allowed to call; '*' allows every origin; "
            + "'scheme://host:*' allows any port. Requests without an Origin header are always served")
    String corsOrigins() default ServerSettings.DEFAULT_CORS;

    @AttributeDefinition(description = "Threads that run requests against the chain (off the network threads)")
    int workerThreads() default 4;
}
