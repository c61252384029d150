package org.hamster.client;

import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/** Why a {@link Client} operation did not happen; nothing was sent to the chain unless the chain refused it. */
public class ClientException extends HamsterException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that answer differently (the REST API maps each to an HTTP status). */
    public enum Reason {
        /** A value was malformed or out of range (400). */
        INVALID_INPUT(ErrorCode.INVALID_INPUT),
        /** No such order, agreement, resource or link (404). */
        NOT_FOUND(ErrorCode.NOT_FOUND),
        /** No account is configured, or its key is locked: unlock it first (409). */
        LOCKED(ErrorCode.KEYSTORE),
        /** The request clashes with the current state, e.g. a port in use or a lease that does not run (409). */
        CONFLICT(ErrorCode.INVALID_INPUT),
        /** The chain refused the transaction; {@link #chainError()} names the pallet error (409). */
        REFUSED(ErrorCode.CHAIN),
        /** The node cannot be reached now (503). */
        CHAIN_UNAVAILABLE(ErrorCode.UNAVAILABLE);

        private final ErrorCode code;

        Reason(ErrorCode code) {
            this.code = code;
        }
    }

    private final Reason reason;
    private final String chainError;

    public ClientException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    /**
     * @param chainError the pallet error the chain refused with, e.g. {@code ResourceOrder.OrderNotPending}
     */
    public ClientException(Reason reason, String message, String chainError, Throwable cause) {
        super(reason.code, cause, message);
        this.reason = reason;
        this.chainError = chainError;
    }

    public Reason reason() {
        return reason;
    }

    /** The pallet error ({@code Pallet.Error}) of a {@link Reason#REFUSED} refusal, null otherwise. */
    public String chainError() {
        return chainError;
    }
}
