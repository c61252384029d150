package org.hamster.client.internal;

import org.hamster.chain.client.ChainClientException;
import org.hamster.chain.client.ExtrinsicFailedException;
import org.hamster.chain.client.TransactionInvalidException;
import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;

/** What a chain client failure means to the tenant: the chain refused (naming the pallet error), or is unreachable. */
final class ChainErrors {
    private ChainErrors() {
    }

    static ClientException of(ChainClientException e) {
        if (e instanceof TransactionInvalidException t) {
            String error = t.callError();
            return new ClientException(Reason.REFUSED, "the chain refused the transaction: " + (error != null ? error
                    : t.rpcMessage() + (t.data() == null ? "" : " (" + t.data() + ")")), error, e);
        }
        if (e instanceof ExtrinsicFailedException f) {
            String error = f.errorName() == null ? null : f.module() + "." + f.errorName();
            return new ClientException(Reason.REFUSED, "the transaction failed in block " + f.inclusion().blockHash()
                    + ": " + (error != null ? error : f.error()), error, e);
        }
        return new ClientException(Reason.CHAIN_UNAVAILABLE, "the node does not answer: " + e.getMessage(), null, e);
    }
}
