package org.hamster.chain.spi;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.TransactionRejected;

/** Implemented by the transaction-payment pallet: prices an extrinsic and collects its fee. */
public interface FeeCharger {
    /** Fee (without tip) of an extrinsic of {@code encodedLength} bytes. */
    BigInteger fee(int encodedLength, Call call);

    /**
     * The part of {@link #fee} that pays for the length (Substrate's {@code length_to_fee}, served by
     * TransactionPaymentApi_query_length_to_fee and in query_fee_details); the rest of the fee is the base fee.
     * Default: none of it.
     */
    default BigInteger lengthToFee(int encodedLength) {
        return BigInteger.ZERO;
    }

    /** The part of {@link #fee} that pays for a weight (Substrate's {@code weight_to_fee}). Default: none. */
    default BigInteger weightToFee(long refTime, long proofSize) {
        return BigInteger.ZERO;
    }

    /** Takes fee + tip from {@code who} before dispatch; Payment rejection (nothing changed) if it cannot. */
    void withdraw(RuntimeContext ctx, AccountId who, BigInteger fee, BigInteger tip) throws TransactionRejected;

    /** Pays the collected fee + tip out after dispatch and records TransactionFeePaid. */
    void settle(RuntimeContext ctx, AccountId who, BigInteger fee, BigInteger tip);
}
