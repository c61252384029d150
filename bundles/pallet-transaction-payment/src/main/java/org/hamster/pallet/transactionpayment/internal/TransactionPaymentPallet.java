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
import org.hamster.chain.support.SpecValues;
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

    @Override
    public BigInteger fee(int encodedLength, Call call) {
        Fees f = fees;
        if (f == null) {
            throw new IllegalStateException("TransactionPayment is not configured: baseFee and byteFee are missing");
        }
        BigInteger fee = f.base().add(f.perByte().multiply(BigInteger.valueOf(encodedLength)));
        return fee.min(SpecValues.U128_MAX);
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
