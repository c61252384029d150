package org.hamster.provider;

import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;

/**
 * The chain refused a management call: the node's pool refused it (nothing changed, no fee paid) or it failed in
 * its block. {@link #error()} names the reason, e.g. {@code Provider.ResourceNotUnused}.
 */
public class RefusedException extends HamsterException {
    private static final long serialVersionUID = 1L;
    private final String error;

    public RefusedException(String error, Throwable cause) {
        super(ErrorCode.CHAIN, cause, "refused: " + error);
        this.error = error;
    }

    /** The pallet error ({@code Pallet.Error}), or the pool's reason when the call itself was not at fault. */
    public String error() {
        return error;
    }
}
