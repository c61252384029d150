package org.hamster.chain.runtime.internal;

import java.math.BigInteger;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.spi.FeeCharger;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/**
 * TransactionPaymentApi v4 as pallet-transaction-payment serves it. Extrinsics are priced at their own encoded
 * length (what the runtime charges) without checking the signature: wallets estimate with a dummy one. Unsigned or
 * undecodable extrinsics are IllegalArgumentException.
 */
final class PaymentApi {
    private final Chain chain;

    PaymentApi(Chain chain) {
        this.chain = chain;
    }

    /** {@code query_info(uxt, len) -> RuntimeDispatchInfo{weight, class, partial_fee}}. */
    byte[] queryInfo(ScaleReader r) {
        Executive.Checked c = priced(r);
        return new ScaleWriter().compact(Executive.CALL_WEIGHT).compact(0).u8(0).u128(c.fee()).toByteArray();
    }

    /**
     * {@code query_fee_details(uxt, len) -> FeeDetails{inclusion_fee: Option<InclusionFee{base_fee, len_fee,
     * adjusted_weight_fee}>, tip}}: the fee split as the fee charger prices it; the tip is 0 as in Substrate.
     */
    byte[] queryFeeDetails(ScaleReader r) {
        Executive.Checked c = priced(r);
        FeeCharger fees = chain.modules().fees();
        BigInteger len = fees.lengthToFee(c.xt().encoded().length).min(c.fee());
        BigInteger weight = fees.weightToFee(Executive.CALL_WEIGHT, 0).min(c.fee().subtract(len));
        BigInteger base = c.fee().subtract(len).subtract(weight);
        return new ScaleWriter().u8(1).u128(base).u128(len).u128(weight).u128(BigInteger.ZERO).toByteArray();
    }

    /** {@code query_weight_to_fee(Weight{Compact ref_time, Compact proof_size}) -> Balance}. */
    byte[] queryWeightToFee(ScaleReader r) {
        long refTime = r.compactLong();
        long proofSize = r.compactLong();
        return new ScaleWriter().u128(chain.modules().fees().weightToFee(refTime, proofSize)).toByteArray();
    }

    /** {@code query_length_to_fee(u32) -> Balance}. */
    byte[] queryLengthToFee(ScaleReader r) {
        long len = r.u32();
        if (len > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("length " + len + " out of range");
        }
        return new ScaleWriter().u128(chain.modules().fees().lengthToFee((int) len)).toByteArray();
    }

    /** Fee of an opaque extrinsic (payment_queryInfo). */
    BigInteger fee(byte[] opaque) throws TransactionRejected {
        return check(opaque).fee();
    }

    /** Reads {@code (uxt, len: u32)}: the extrinsic with its length prefix, then a length we do not need. */
    private Executive.Checked priced(ScaleReader r) {
        int start = r.position();
        int n = r.compactLength();
        r.bytes(n);
        byte[] xt = r.copyRange(start, r.position() - start);
        r.u32();
        try {
            return check(xt);
        } catch (TransactionRejected e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private Executive.Checked check(byte[] opaque) throws TransactionRejected {
        Extrinsic xt = Executive.decode(opaque);
        return chain.executive().check(xt, chain.best().number() + 1, false);
    }
}
