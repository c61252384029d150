package org.hamster.p2p;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when a connection of a {@link Host} is established and when it closes; called on the I/O thread. */
@ConsumerType
public interface ConnectionListener {
    default void connected(Connection connection) {
    }

    default void disconnected(Connection connection) {
    }
}
