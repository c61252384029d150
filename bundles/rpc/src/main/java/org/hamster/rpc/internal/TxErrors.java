package org.hamster.rpc.internal;

import java.util.Map;
import org.hamster.chain.TransactionRejected;

/**
 * Substrate's author error codes for refused transactions: 1010 "Invalid Transaction" with the reason in
 * data. The pool's own refusals travel as a custom code above 255 (which no InvalidTransaction::Custom(u8)
 * can carry) and keep their Substrate codes, e.g. 1013 "Transaction Already Imported".
 */
final class TxErrors {
    static final int INVALID_TRANSACTION = 1010;
    private static final Map<Integer, String> POOL_ERRORS = Map.of(
            1011, "Unknown Transaction Validity",
            1012, "Transaction is temporarily banned",
            1013, "Transaction Already Imported",
            1014, "Priority is too low",
            1016, "Immediately Dropped");

    private TxErrors() {
    }

    static RpcException rejected(TransactionRejected e) {
        String pool = e.reason() == TransactionRejected.Invalid.CUSTOM ? POOL_ERRORS.get(e.customCode()) : null;
        if (pool != null) {
            return new RpcException(e.customCode(), pool, e.getMessage());
        }
        return new RpcException(INVALID_TRANSACTION, "Invalid Transaction", e.getMessage());
    }
}
