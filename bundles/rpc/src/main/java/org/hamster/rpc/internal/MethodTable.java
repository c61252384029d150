package org.hamster.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/** The methods the server answers, by name; filled once before the server starts, then only read. */
final class MethodTable {
    @FunctionalInterface
    interface Handler {
        JsonNode call(Params params, CallContext call) throws RpcException;
    }

    /**
     * One method. {@code subscription} methods (subscribe and unsubscribe) need a WebSocket connection;
     * {@code available} false hides the method from rpc_methods (its handler then explains why it fails).
     */
    record Method(String name, List<String> params, boolean subscription, Handler handler,
            BooleanSupplier available) {
    }

    private final Map<String, Method> methods = new TreeMap<>();

    MethodTable add(String name, List<String> params, Handler handler) {
        return put(new Method(name, List.copyOf(params), false, handler, () -> true));
    }

    MethodTable subscription(String name, List<String> params, Handler handler) {
        return put(new Method(name, List.copyOf(params), true, handler, () -> true));
    }

    MethodTable availableIf(String name, BooleanSupplier available) {
        Method m = require(name);
        methods.put(name, new Method(name, m.params(), m.subscription(), m.handler(), available));
        return this;
    }

    /** Another name for a method, as Substrate keeps its old names (chain_getHead, ...). */
    MethodTable alias(String alias, String target) {
        Method m = require(target);
        return put(new Method(alias, m.params(), m.subscription(), m.handler(), m.available()));
    }

    Method get(String name) {
        return methods.get(name);
    }

    /** Names of every method that can currently succeed, sorted. */
    List<String> availableNames() {
        return methods.values().stream().filter(m -> m.available().getAsBoolean()).map(Method::name).toList();
    }

    private MethodTable put(Method m) {
        if (methods.putIfAbsent(m.name(), m) != null) {
            throw new IllegalStateException("method registered twice: " + m.name());
        }
        return this;
    }

    private Method require(String name) {
        Method m = methods.get(name);
        if (m == null) {
            throw new IllegalStateException("no method " + name);
        }
        return m;
    }
}
