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
    /** {@code /hamster/echo/1.0.0}, for diagnostics and tests. */
    String ECHO = "/hamster/echo/1.0.0";

    void handle(Stream stream) throws Exception;

    /** Writes back every byte it reads and closes when the remote closes its side (serve it as {@link #ECHO}). */
    static StreamHandler echo() {
        return org.hamster.p2p.internal.protocols.EchoProtocol::serve;
    }
}
