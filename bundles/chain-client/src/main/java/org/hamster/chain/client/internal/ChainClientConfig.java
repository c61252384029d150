package org.hamster.chain.client.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Hamster chain client",
        description = "How the provider, gateway and client roles reach a node's JSON-RPC")
@interface ChainClientConfig {
    @AttributeDefinition(name = "Node URL", description = "WebSocket URL of the node's JSON-RPC (ws:// or wss://)")
    String url() default "ws://127.0.0.1:9944";

    @AttributeDefinition(name = "Request timeout (ms)", description = "Longest wait for the answer to one request")
    long requestTimeoutMs() default 30000;

    @AttributeDefinition(name = "Connect timeout (ms)", description = "Longest wait for one connection attempt")
    long connectTimeoutMs() default 10000;

    @AttributeDefinition(name = "Min reconnect delay (ms)", description = "First delay before reconnecting")
    long minReconnectDelayMs() default 250;

    @AttributeDefinition(name = "Max reconnect delay (ms)", description = "Upper bound of the reconnect back-off")
    long maxReconnectDelayMs() default 30000;

    @AttributeDefinition(name = "Pallet indices",
            description = "Name:index pairs of the node's chain spec, comma-separated")
    String pallets() default "System:0,Timestamp:1,Balances:2,TransactionPayment:3,Sudo:4,Provider:5,ResourceOrder:6,"
            + "Gateway:7";
}
