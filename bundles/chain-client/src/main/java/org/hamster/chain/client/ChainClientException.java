package org.hamster.chain.client;

import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/** Any failure of a chain client operation; subclasses say whether the node, the link or the chain refused. */
public class ChainClientException extends HamsterException {
    private static final long serialVersionUID = 1L;

    public ChainClientException(ErrorCode code, String message) {
        super(code, message);
    }

    public ChainClientException(ErrorCode code, String message, Throwable cause) {
        super(code, cause, message);
    }
}
