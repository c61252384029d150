package org.hamster.p2p;

import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/** A failure of a p2p operation, with the {@link Reason} a caller can act on. */
public final class P2pException extends HamsterException {
    private static final long serialVersionUID = 1L;

    /** Why a dial, handshake, stream or protocol exchange failed. */
    public enum Reason {
        /** The remote does not speak any of the proposed protocols (multistream-select answered "na"). */
        PROTOCOL_NOT_SUPPORTED(ErrorCode.UNAVAILABLE),
        /** The remote or the local side reset the stream. */
        STREAM_RESET(ErrorCode.IO),
        /** The connection closed under the stream or request. */
        CONNECTION_CLOSED(ErrorCode.IO),
        /** The security handshake failed (bad frames, bad signature, unsupported key). */
        HANDSHAKE_FAILED(ErrorCode.CRYPTO),
        /** The remote proved an identity other than the peer we dialed. */
        PEER_ID_MISMATCH(ErrorCode.CRYPTO),
        /** The remote broke the wire protocol (malformed frame, flow-control violation). */
        PROTOCOL_ERROR(ErrorCode.IO),
        /** A handshake, negotiation or request took too long. */
        TIMEOUT(ErrorCode.UNAVAILABLE),
        /** Every address of the peer failed, or none is known. */
        DIAL_FAILED(ErrorCode.UNAVAILABLE),
        /** No transport can dial or listen on the address. */
        NO_TRANSPORT(ErrorCode.UNAVAILABLE),
        /** A connection or stream limit was reached. */
        LIMIT_EXCEEDED(ErrorCode.UNAVAILABLE),
        /** The host is closed. */
        CLOSED(ErrorCode.UNAVAILABLE);

        private final ErrorCode code;

        Reason(ErrorCode code) {
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    private final Reason reason;

    public P2pException(Reason reason, String detail) {
        super(reason.code(), detail);
        this.reason = reason;
    }

    public P2pException(Reason reason, String detail, Throwable cause) {
        super(reason.code(), cause, detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
