package org.hamster.rpc.internal;

import static org.hamster.rpc.internal.JsonRpc.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hamster.chain.ChainService;
import org.hamster.chain.Header;
import org.hamster.chain.Subscription;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.TxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket subscriptions, with Substrate's method and notification names. A subscription's kind is its
 * subscribe method, so each unsubscribe method only closes subscriptions of its own kind.
 */
final class SubscriptionMethods {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionMethods.class);
    private final ChainService chain;
    private final Executor executor;

    SubscriptionMethods(ChainService chain, Executor executor) {
        this.chain = chain;
        this.executor = executor;
    }

    void register(MethodTable t) {
        heads(t, "chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "chain_newHead", chain::onNewHead,
                chain::bestHeader);
        alias(t, "chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "chain_subscribeNewHead",
                "chain_unsubscribeNewHead");
        alias(t, "chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "subscribe_newHead", "unsubscribe_newHead");
        heads(t, "chain_subscribeAllHeads", "chain_unsubscribeAllHeads", "chain_allHead", chain::onNewHead,
                chain::bestHeader);
        heads(t, "chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads", "chain_finalizedHead",
                chain::onFinalizedHead, () -> chain.header(chain.finalizedHash()).orElse(null));
        alias(t, "chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads", "chain_subscribeFinalisedHeads",
                "chain_unsubscribeFinalisedHeads");

        t.subscription("state_subscribeRuntimeVersion", List.of(), (p, c) -> runtimeVersion(c));
        unsubscribe(t, "state_unsubscribeRuntimeVersion", "state_subscribeRuntimeVersion");
        alias(t, "state_subscribeRuntimeVersion", "state_unsubscribeRuntimeVersion", "chain_subscribeRuntimeVersion",
                "chain_unsubscribeRuntimeVersion");

        t.subscription("state_subscribeStorage", List.of("keys"), this::storage);
        unsubscribe(t, "state_unsubscribeStorage", "state_subscribeStorage");

        t.subscription("author_submitAndWatchExtrinsic", List.of("bytes"), this::watch);
        unsubscribe(t, "author_unwatchExtrinsic", "author_submitAndWatchExtrinsic");
    }

    /** Head subscriptions report the current head first, then each new one. */
    private void heads(MethodTable t, String subscribe, String unsubscribe, String notification,
            Function<Consumer<Header>, Subscription> source, Supplier<Header> current) {
        t.subscription(subscribe, List.of(), (p, c) -> {
            SubscriptionSink sink = c.open(subscribe, notification);
            sink.attach(source.apply(h -> sink.emit(ChainJson.header(h))));
            Header now = current.get();
            if (now != null) {
                sink.emitFirst(ChainJson.header(now));
            }
            return NODES.textNode(sink.id());
        });
        unsubscribe(t, unsubscribe, subscribe);
    }

    /** The current version first, then a notification whenever a new block carries a different one. */
    private JsonNode runtimeVersion(CallContext c) throws RpcException {
        SubscriptionSink sink = c.open("state_subscribeRuntimeVersion", "state_runtimeVersion");
        JsonNode[] last = {ChainJson.runtimeVersion(chain.runtimeVersion())};
        sink.emitFirst(last[0]);
        Runnable check = () -> {
            synchronized (last) {
                if (sink.isClosed()) {
                    return;
                }
                try {
                    JsonNode v = ChainJson.runtimeVersion(chain.runtimeVersion());
                    if (!v.equals(last[0])) {
                        last[0] = v;
                        sink.emit(v);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Reading the runtime version for subscription {} failed", sink.id(), e);
                }
            }
        };
        sink.attach(chain.onNewHead(h -> {
            try {
                executor.execute(check);
            } catch (RejectedExecutionException e) {
                // shutting down or saturated: the next block checks again
            }
        }));
        return NODES.textNode(sink.id());
    }

    /** The watched keys' current values at once (the chain reports them), then after each block changing them. */
    private JsonNode storage(Params p, CallContext c) throws RpcException {
        List<byte[]> keys = p.hexList(0);
        if (keys.isEmpty()) {
            throw p.bad(0, "at least one storage key (watching every key is not supported)", p.get(0));
        }
        SubscriptionSink sink = c.open("state_subscribeStorage", "state_storage");
        sink.attach(chain.onStorage(keys, change -> sink.emit(ChainJson.storageChange(change))));
        return NODES.textNode(sink.id());
    }

    /** Submits, then reports each status until a terminal one (finalized, invalid, dropped, usurped). */
    private JsonNode watch(Params p, CallContext c) throws RpcException {
        byte[] xt = p.hex(0);
        SubscriptionSink sink = c.open("author_submitAndWatchExtrinsic", "author_extrinsicUpdate");
        try {
            chain.submitAndWatch(xt, status -> {
                JsonNode j = ChainJson.txStatus(status);
                if (status.terminal()) {
                    sink.emitLast(j);
                } else {
                    sink.emit(j);
                }
            });
        } catch (TransactionRejected e) {
            throw TxErrors.rejected(e);
        }
        return NODES.textNode(sink.id());
    }

    private static void unsubscribe(MethodTable t, String name, String kind) {
        t.subscription(name, List.of("subscription"), (p, c) -> {
            JsonNode id = p.get(0);
            if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
                throw p.bad(0, "a subscription id", id);
            }
            return NODES.booleanNode(c.unsubscribe(id.asText(), kind));
        });
    }

    private static void alias(MethodTable t, String subscribe, String unsubscribe, String subscribeAlias,
            String unsubscribeAlias) {
        t.alias(subscribeAlias, subscribe);
        t.alias(unsubscribeAlias, unsubscribe);
    }
}
