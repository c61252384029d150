package org.hamster.chain.client;

import java.util.Locale;
import org.hamster.chain.TransactionRejected;

/**
 * The node's transaction pool refused an extrinsic (JSON-RPC codes 1010-1019, as Substrate's author API).
 * Nothing on chain changed: no fee was paid, no nonce used. {@link #reason()} is recovered from the error text
 * Substrate uses for each InvalidTransaction variant; it is null when the text is not recognised. A Hamster node
 * also runs a transaction whose nonce is due on a scratch copy of its state and refuses it when the call would
 * fail: {@link #callError()} then names the error, e.g. "Provider.ResourceNotUnused".
 */
public class TransactionInvalidException extends RpcException {
    private static final long serialVersionUID = 1L;
    /** Substrate's author error codes. */
    public static final int INVALID = 1010;
    public static final int UNKNOWN_VALIDITY = 1011;
    public static final int TEMPORARILY_BANNED = 1012;
    public static final int ALREADY_IMPORTED = 1013;
    public static final int PRIORITY_TOO_LOW = 1014;
    private static final String WOULD_FAIL = "The call would fail: ";

    private final TransactionRejected.Invalid reason;
    private final String callError;

    public TransactionInvalidException(String method, int rpcCode, String rpcMessage, String data) {
        super(method, rpcCode, rpcMessage, data);
        this.reason = classify(rpcMessage + " " + (data == null ? "" : data));
        this.callError = callError(data != null && data.contains(WOULD_FAIL) ? data : rpcMessage);
    }

    public static boolean isPoolCode(int rpcCode) {
        return rpcCode >= 1010 && rpcCode <= 1019;
    }

    public TransactionRejected.Invalid reason() {
        return reason;
    }

    /**
     * The error the node's trial run of the call ended with, as the node describes it ("Pallet.Error" for a module
     * error, e.g. "ResourceOrder.NotResourceOwner"); null unless the pool refused the transaction for that.
     */
    public String callError() {
        return callError;
    }

    private static String callError(String text) {
        int at = text == null ? -1 : text.indexOf(WOULD_FAIL);
        if (at < 0) {
            return null;
        }
        String rest = text.substring(at + WOULD_FAIL.length()).trim();
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
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
