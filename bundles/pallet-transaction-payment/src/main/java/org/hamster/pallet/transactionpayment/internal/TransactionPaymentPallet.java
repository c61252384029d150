package org.hamster.pallet.transactionpayment.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.FeeCharger;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.chain.support.SpecValues;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.pallet.balances.Currency;
import org.hamster.pallet.transactionpayment.TransactionPaymentEvent;
import org.hamster.pallet.transactionpayment.TransactionPaymentStorage;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pallet_transaction_payment with a flat fee: {@code baseFee + byteFee * length} (chain-spec constants, u128
 * strings). Fee and tip are withdrawn before dispatch without killing the payer and paid to the treasury after.
 */
@Component(service = Pallet.class, property = "pallet.name=TransactionPayment")
public class TransactionPaymentPallet implements Pallet, FeeCharger {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionPaymentPallet.class);
    /** Substrate's message for InvalidTransaction::Payment. */
    static final String CANNOT_PAY = "Inability to pay some fees (e.g. account balance too low)";

    /** The two fee constants. */
    private record Fees(BigInteger base, BigInteger perByte) {
    }

    private volatile Fees fees;

    @Override
    public String name() {
        return TransactionPaymentStorage.PALLET;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void configure(JsonNode constants) {
        fees = new Fees(SpecValues.u128(constants.path("baseFee"), "TransactionPayment.baseFee"),
                SpecValues.u128(constants.path("byteFee"), "TransactionPayment.byteFee"));
        LOG.debug("Transaction fees: {}", fees);
    }

    /**
     * The event, no calls, errors or storage (fees are flat, so there is no NextFeeMultiplier), and the two fee
     * constants. Substrate's only constant, OperationalFeeMultiplier, is not declared: no such multiplier exists
     * here (operational transactions get no priority boost).
     */
    @Override
    public PalletMeta metadata() {
        Fees f = configured();
        return PalletMeta.builder(TransactionPaymentStorage.PALLET)
                .event(0, "TransactionFeePaid", "A transaction fee `actual_fee`, of which `tip` was added to the"
                        + " minimum inclusion fee, has been paid by `who`.",
                        Ty.field("who", StdTypes.ACCOUNT_ID, "T::AccountId"),
                        Ty.field("actual_fee", StdTypes.BALANCE, "BalanceOf<T>"),
                        Ty.field("tip", StdTypes.BALANCE, "BalanceOf<T>"))
                .constant("BaseFee", StdTypes.BALANCE, Codecs.U128.encode(f.base()),
                        "The fee every transaction pays, whatever its length.")
                .constant("ByteFee", StdTypes.BALANCE, Codecs.U128.encode(f.perByte()),
                        "The fee per byte of the encoded transaction, on top of BaseFee.")
                .build();
    }

    private Fees configured() {
        Fees f = fees;
        if (f == null) {
            throw new IllegalStateException("TransactionPayment is not configured: baseFee and byteFee are missing");
        }
        return f;
    }

    @Override
    public BigInteger fee(int encodedLength, Call call) {
        Fees f = configured();
        BigInteger fee = f.base().add(f.perByte().multiply(BigInteger.valueOf(encodedLength)));
        return fee.min(SpecValues.U128_MAX);
    }

    /** The byte fee part of {@link #fee} (the rest is the base fee; weight is free on this chain). */
    @Override
    public BigInteger lengthToFee(int encodedLength) {
        return configured().perByte().multiply(BigInteger.valueOf(encodedLength)).min(SpecValues.U128_MAX);
    }

    @Override
    public void withdraw(RuntimeContext ctx, AccountId who, BigInteger fee, BigInteger tip)
            throws TransactionRejected {
        BigInteger total = fee.add(tip);
        if (total.signum() == 0) {
            return;
        }
        if (total.compareTo(SpecValues.U128_MAX) > 0) {
            throw new TransactionRejected(TransactionRejected.Invalid.PAYMENT, CANNOT_PAY);
        }
        try {
            currency(ctx).withdraw(ctx, who, total, true);
        } catch (DispatchException e) {
            throw new TransactionRejected(TransactionRejected.Invalid.PAYMENT, CANNOT_PAY);
        }
    }

    @Override
    public void settle(RuntimeContext ctx, AccountId who, BigInteger fee, BigInteger tip) {
        BigInteger total = fee.add(tip);
        try {
            currency(ctx).deposit(ctx, TransactionPaymentStorage.TREASURY, total);
        } catch (DispatchException e) {
            LOG.debug("Fee {} of {} burnt: the treasury cannot take it ({})", total, who, e.getMessage());
        }
        ctx.deposit(new TransactionPaymentEvent.TransactionFeePaid(who, total, tip));
    }

    private static Currency currency(RuntimeContext ctx) {
        return ctx.service(Currency.class)
                .orElseThrow(() -> new IllegalStateException("TransactionPayment needs the Balances pallet"));
    }

    @Override
    public Call decodeCall(int callIndex, ScaleReader args, CallDecoder calls) {
        throw new ScaleException("TransactionPayment has no calls (got index " + callIndex + ")");
    }

    @Override
    public void dispatch(RuntimeContext ctx, Origin origin, Call call) throws DispatchException {
        throw new IllegalArgumentException("TransactionPayment has no calls");
    }

    @Override
    public void skipEventFields(int eventIndex, ScaleReader r) {
        TransactionPaymentEvent.skip(eventIndex, r);
    }
}
