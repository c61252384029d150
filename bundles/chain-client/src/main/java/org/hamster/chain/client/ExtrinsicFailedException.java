package org.hamster.chain.client;

import org.hamster.chain.DispatchError;
import org.hamster.common.ErrorCode;

/**
 * The extrinsic was included (its fee was paid and its nonce used) but its call failed: System.ExtrinsicFailed.
 * For a pallet error, {@link #module()} and {@link #errorName()} name it, e.g. "Balances" / "InsufficientBalance".
 */
public class ExtrinsicFailedException extends ChainClientException {
    private static final long serialVersionUID = 1L;
    private final DispatchError error;
    private final String module;
    private final String errorName;
    private final transient TxInBlock inclusion;

    public ExtrinsicFailedException(DispatchError error, String module, String errorName, TxInBlock inclusion) {
        super(ErrorCode.CHAIN, "extrinsic " + inclusion.txHash() + " failed in block " + inclusion.blockHash() + ": "
                + error.description());
        this.error = error;
        this.module = module;
        this.errorName = errorName;
        this.inclusion = inclusion;
    }

    public DispatchError error() {
        return error;
    }

    /** The pallet name for a Module error (or "Module#index" if unknown), null otherwise. */
    public String module() {
        return module;
    }

    /** The pallet's error variant name (or "Error#index" if unknown), null for a non-module error. */
    public String errorName() {
        return errorName;
    }

    /** The block the failed extrinsic is in, and all its events. */
    public TxInBlock inclusion() {
        return inclusion;
    }
}
