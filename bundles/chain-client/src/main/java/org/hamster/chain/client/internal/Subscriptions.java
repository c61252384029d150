package org.hamster.chain.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The live subscriptions of a connection, by client id and by the node's current id for them. */
final class Subscriptions {
    private final Map<Long, ActiveSub> byLocalId = new ConcurrentHashMap<>();
    private final Map<String, ActiveSub> byServerId = new ConcurrentHashMap<>();

    /**
     * Records the node's id from a subscribe answer. Runs on the receiving thread, so notifications that follow
     * the answer find it. Returns false if the subscription was closed meanwhile (the caller unsubscribes).
     */
    boolean register(ActiveSub s, JsonNode result) {
        if (!result.isTextual() && !result.isNumber()) {
            throw new IllegalArgumentException("subscription id must be a string or number");
        }
        s.serverId = Json.key(result);
        if (s.closed) {
            return false;
        }
        byLocalId.put(s.localId, s);
        byServerId.put(s.serverId, s);
        return true;
    }

    /** Routes a notification; false if no subscription has that id. */
    boolean deliver(String serverId, JsonNode result) {
        ActiveSub s = byServerId.get(serverId);
        if (s == null) {
            return false;
        }
        s.deliver(result);
        return true;
    }

    /** Ends a subscription locally; returns the node's id for it, if it had one. */
    String forget(ActiveSub s) {
        s.closed = true;
        byLocalId.remove(s.localId);
        String sid = s.serverId;
        if (sid != null) {
            byServerId.remove(sid, s);
        }
        return sid;
    }

    /**
     * The link is gone and with it every node-side id: renewable subscriptions wait for the next connection,
     * the others (transaction watches) end and are told why.
     */
    void linkLost(Throwable cause) {
        byServerId.clear();
        for (ActiveSub s : all()) {
            s.serverId = null;
            if (!s.renew) {
                forget(s);
                s.lost(cause);
            }
        }
    }

    /** The client is closing: everything ends. */
    void closeAll(Throwable cause) {
        for (ActiveSub s : all()) {
            forget(s);
            s.lost(cause);
        }
    }

    List<ActiveSub> renewable() {
        return all().stream().filter(s -> s.renew && !s.closed).toList();
    }

    private List<ActiveSub> all() {
        return new ArrayList<>(byLocalId.values());
    }
}
