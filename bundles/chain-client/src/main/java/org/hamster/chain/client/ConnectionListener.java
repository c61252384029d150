package org.hamster.chain.client;

/** Told when the client's WebSocket to the node comes up or goes down; must not block. */
@FunctionalInterface
public interface ConnectionListener {
    /** {@code connected} true after every (re)connection, false when the connection is lost. */
    void connectionChanged(boolean connected);
}
