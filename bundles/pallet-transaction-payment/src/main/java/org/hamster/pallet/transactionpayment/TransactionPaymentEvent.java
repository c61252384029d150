package org.hamster.pallet.transactionpayment;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** pallet_transaction_payment events, with Substrate's variant indices and field layouts. */
public sealed interface TransactionPaymentEvent extends PalletEvent {
    @Override
    default String pallet() {
        return TransactionPaymentStorage.PALLET;
    }

    /** {@code who} paid {@code actualFee} (the fee including the tip) of which {@code tip} was the tip. */
    record TransactionFeePaid(AccountId who, BigInteger actualFee, BigInteger tip)
            implements TransactionPaymentEvent {
        public int eventIndex() {
            return 0;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, who);
            w.u128(actualFee).u128(tip);
        }
    }

    static void skip(int index, ScaleReader r) {
        if (index != 0) {
            throw new ScaleException("unknown TransactionPayment event " + index);
        }
        r.bytes(64);
    }
}
