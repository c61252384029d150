package org.hamster.p2p;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves inbound streams of one protocol ({@link Host#setStreamHandler}). Called on the connection's I/O thread
 * once the protocol is agreed: start the exchange with the stream's asynchronous methods and return; never block.
 * A handler that throws has its stream reset.
 */
@ConsumerType
@FunctionalInterface
public interface StreamHandler {
    void handle(Stream stream) throws Exception;
}
