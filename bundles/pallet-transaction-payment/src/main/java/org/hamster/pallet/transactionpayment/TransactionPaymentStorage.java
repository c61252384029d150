package org.hamster.pallet.transactionpayment;

import org.hamster.chain.AccountId;
import org.hamster.chain.PalletId;

/** Names of the TransactionPayment pallet. It keeps no storage of its own: fees are flat (base + per byte). */
public final class TransactionPaymentStorage {
    public static final String PALLET = "TransactionPayment";
    /** Where fees and tips are paid: the treasury's PalletId account, {@code modl py/trsry}. */
    public static final AccountId TREASURY = PalletId.account("py/trsry");

    private TransactionPaymentStorage() {
    }
}
