package org.hamster.chain.client;

import org.hamster.common.ErrorCode;

/** No answer (or no connection to send the request on) within the configured time. */
public class RequestTimeoutException extends ChainClientException {
    private static final long serialVersionUID = 1L;

    public RequestTimeoutException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }
}
