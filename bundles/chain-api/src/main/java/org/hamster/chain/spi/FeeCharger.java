package org.hamster.chain.spi;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.TransactionRejected;

/** Implemented by the transaction-payment pallet: prices an extrinsic and collects its fee. */
public interface FeeCharger {
    /** Fee (without tip) of an extrinsic of {@code encodedLength} bytes. */
    BigInteger fee(int encodedLength, Call call);

    /** Takes fee + tip from {@code who} before dispatch; Payment rejection (nothing changed) if it cannot. */
    void withdraw(RuntimeContext ctx, AccountId who, BigInteger fee, BigInteger tip) throws TransactionRejected;

    /** Pays the collected fee + tip out after dispatch and records TransactionFeePaid. */
    void settle(RuntimeContext ctx, AccountId who, BigInteger fee, BigInteger tip);
}
