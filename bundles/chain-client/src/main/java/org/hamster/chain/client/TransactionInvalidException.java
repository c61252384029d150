package org.hamster.chain.client;

import java.util.Locale;
import org.hamster.chain.TransactionRejected;

/**
 * The node's transaction pool refused an extrinsic (JSON-RPC codes 1010-1019, as Substrate's author API).
 * Nothing on chain changed. {@link #reason()} is recovered from the error text Substrate uses for each
 * InvalidTransaction variant; it is null when the text is not recognised.
 */
public class TransactionInvalidException extends RpcException {
    private static final long serialVersionUID = 1L;
    /** Substrate's author error codes. */
    public static final int INVALID = 1010;
    public static final int UNKNOWN_VALIDITY = 1011;
    public static final int TEMPORARILY_BANNED = 1012;
    public static final int ALREADY_IMPORTED = 1013;
    public static final int PRIORITY_TOO_LOW = 1014;

    private final TransactionRejected.Invalid reason;

    public TransactionInvalidException(String method, int rpcCode, String rpcMessage, String data) {
        super(method, rpcCode, rpcMessage, data);
        this.reason = classify(rpcMessage + " " + (data == null ? "" : data));
    }

    public static boolean isPoolCode(int rpcCode) {
        return rpcCode >= 1010 && rpcCode <= 1019;
    }

    public TransactionRejected.Invalid reason() {
        return reason;
    }

    /**
     * True when the nonce was wrong for the chain's current view: already used (stale), too far ahead (future),
     * or taken by another pooled transaction. Re-reading the account's next index and re-signing fixes it.
     */
    public boolean nonceMismatch() {
        if (reason == TransactionRejected.Invalid.STALE || reason == TransactionRejected.Invalid.FUTURE) {
            return true;
        }
        String text = text();
        return rpcCode() == ALREADY_IMPORTED || rpcCode() == PRIORITY_TOO_LOW || text.contains("already imported")
                || text.contains("priority is too low");
    }

    /** True when the signature did not verify: wrong key, or signed for another genesis or runtime version. */
    public boolean badProof() {
        return reason == TransactionRejected.Invalid.BAD_PROOF;
    }

    private String text() {
        return (rpcMessage() + " " + (data() == null ? "" : data())).toLowerCase(Locale.ROOT);
    }

    private static TransactionRejected.Invalid classify(String raw) {
        String t = raw.toLowerCase(Locale.ROOT);
        if (t.contains("outdated") || t.contains("stale")) {
            return TransactionRejected.Invalid.STALE;
        }
        if (t.contains("ancient birth")) {
            return TransactionRejected.Invalid.ANCIENT_BIRTH_BLOCK;
        }
        if (t.contains("future")) {
            return TransactionRejected.Invalid.FUTURE;
        }
        if (t.contains("bad signature") || t.contains("bad proof") || t.contains("badproof")) {
            return TransactionRejected.Invalid.BAD_PROOF;
        }
        if (t.contains("inability to pay") || t.contains("payment")) {
            return TransactionRejected.Invalid.PAYMENT;
        }
        if (t.contains("exhaust") || t.contains("pool is full")) {
            return TransactionRejected.Invalid.EXHAUSTS_RESOURCES;
        }
        if (t.contains("invalid signing address") || t.contains("bad signer")) {
            return TransactionRejected.Invalid.BAD_SIGNER;
        }
        if (t.contains("call is not expected") || t.contains("could not decode")) {
            return TransactionRejected.Invalid.CALL;
        }
        if (t.contains("call would fail") || t.contains("custom")) {
            return TransactionRejected.Invalid.CUSTOM;
        }
        return null;
    }
}
