package org.hamster.p2p.internal;

import org.hamster.p2p.P2pException;

/**
 * Malformed or unexpected bytes from the wire, or a protocol rule the remote broke. Thrown inside the protocol
 * handlers, which end the connection or stream it concerns; {@link #toP2p()} gives callers the public form.
 */
public class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final P2pException.Reason reason;

    public WireException(String message) {
        this(P2pException.Reason.PROTOCOL_ERROR, message);
    }

    public WireException(P2pException.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public P2pException.Reason reason() {
        return reason;
    }

    public P2pException toP2p() {
        return new P2pException(reason, getMessage());
    }
}
