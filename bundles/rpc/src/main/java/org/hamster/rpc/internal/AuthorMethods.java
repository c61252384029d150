package org.hamster.rpc.internal;

import java.util.List;
import org.hamster.chain.ChainService;
import org.hamster.chain.TransactionRejected;

/** author_submitExtrinsic, author_pendingExtrinsics and payment_queryInfo. */
final class AuthorMethods {
    /** pallet-transaction-payment-rpc's code for a fee that cannot be computed. */
    static final int PAYMENT_RUNTIME_ERROR = 1;
    private final ChainService chain;

    AuthorMethods(ChainService chain) {
        this.chain = chain;
    }

    void register(MethodTable t) {
        t.add("author_submitExtrinsic", List.of("extrinsic"), (p, c) -> {
            byte[] xt = p.hex(0);
            try {
                return ChainJson.hash(chain.submit(xt));
            } catch (TransactionRejected e) {
                throw TxErrors.rejected(e);
            }
        });
        t.add("author_pendingExtrinsics", List.of(), (p, c) -> ChainJson.hexArray(chain.pendingExtrinsics()));
        t.add("payment_queryInfo", List.of("extrinsic", "at"), (p, c) -> {
            byte[] xt = p.hex(0);
            p.optHash(1);
            try {
                return ChainJson.feeInfo(chain.queryFee(xt));
            } catch (TransactionRejected | IllegalArgumentException e) {
                throw new RpcException(PAYMENT_RUNTIME_ERROR, "Unable to query dispatch info.", e.getMessage());
            }
        });
    }
}
