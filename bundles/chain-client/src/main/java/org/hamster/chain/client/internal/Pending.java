package org.hamster.chain.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/** A request from the moment it is made until its answer: completed on the callback pool, never on I/O threads. */
final class Pending {
    final long id;
    final String method;
    final String json;
    final CompletableFuture<JsonNode> future = new CompletableFuture<>();
    /** Runs on the receiving thread before the answer is delivered (registers subscription ids in order). */
    final Consumer<JsonNode> onResult;
    private final Executor callbacks;
    volatile Link link;

    Pending(long id, String method, String json, Consumer<JsonNode> onResult, Executor callbacks) {
        this.id = id;
        this.method = method;
        this.json = json;
        this.onResult = onResult;
        this.callbacks = callbacks;
    }

    void complete(JsonNode result) {
        run(() -> future.complete(result));
    }

    void fail(Throwable error) {
        run(() -> future.completeExceptionally(error));
    }

    private void run(Runnable r) {
        try {
            callbacks.execute(r);
        } catch (RejectedExecutionException e) {
            r.run();
        }
    }
}
