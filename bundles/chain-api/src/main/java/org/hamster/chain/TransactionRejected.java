package org.hamster.chain;

/**
 * A transaction refused by the pool or the block builder, as Substrate's TransactionValidityError:
 * {@code invalid} true for InvalidTransaction, false for UnknownTransaction. Nothing was changed.
 */
public class TransactionRejected extends Exception {
    private static final long serialVersionUID = 1L;

    /** sp_runtime InvalidTransaction variants, in their encoding order. */
    public enum Invalid {
        CALL, PAYMENT, FUTURE, STALE, BAD_PROOF, ANCIENT_BIRTH_BLOCK, EXHAUSTS_RESOURCES, CUSTOM, BAD_MANDATORY,
        MANDATORY_VALIDATION, BAD_SIGNER
    }

    private final Invalid reason;
    private final int customCode;

    public TransactionRejected(Invalid reason, String message) {
        this(reason, 0, message);
    }

    public TransactionRejected(Invalid reason, int customCode, String message) {
        super(message);
        this.reason = reason;
        this.customCode = customCode;
    }

    public Invalid reason() {
        return reason;
    }

    public int customCode() {
        return customCode;
    }
}
