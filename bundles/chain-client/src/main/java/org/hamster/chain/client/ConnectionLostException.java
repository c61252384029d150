package org.hamster.chain.client;

import org.hamster.common.ErrorCode;

/**
 * The request was sent but the connection to the node dropped (or the client was closed) before the answer
 * came. The node may or may not have acted on it: a submitted transaction may still be included.
 */
public class ConnectionLostException extends ChainClientException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message, cause);
    }
}
