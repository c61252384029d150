package org.hamster.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ExtrinsicFailedException;
import org.hamster.chain.client.TransactionInvalidException;
import org.hamster.chain.client.TxInBlock;
import org.hamster.chain.client.TxOptions;
import org.hamster.codec.ScaleReader;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.transactionpayment.TransactionPaymentStorage;

/**
 * Submits extrinsics with the chain client, waits for their block, and adds up the fee each account paid (its
 * TransactionFeePaid events), extrinsics whose call failed in the block included: they pay too. Transactions the
 * node's pool refuses (a call bound to fail is refused up front) pay nothing.
 */
final class FeeTally {
    private static final int FEE_PAID = 0;
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final TxOptions OPTIONS = TxOptions.DEFAULT;
    private final ChainClient client;
    private final Map<AccountId, BigInteger> fees = new HashMap<>();

    FeeTally(ChainClient client) {
        this.client = client;
    }

    /** The extrinsic is included and succeeds. */
    TxInBlock ok(Ed25519.KeyPair who, byte[] call) throws Exception {
        return ok(submit(who, call, OPTIONS));
    }

    /** Signs and submits; the future completes once the extrinsic is in a block. */
    CompletableFuture<TxInBlock> submit(Ed25519.KeyPair who, byte[] call, TxOptions options) {
        return client.signer().submitAndWaitInBlock(who, call, options.withInclusionTimeout(TIMEOUT));
    }

    TxInBlock ok(CompletableFuture<TxInBlock> submitted) throws Exception {
        return record(ChainClient.await(submitted));
    }

    /** The extrinsic was included (its fee paid) but its call failed with {@code pallet}.{@code error}. */
    ExtrinsicFailedException failsInBlock(CompletableFuture<TxInBlock> submitted, String pallet, String error) {
        ExtrinsicFailedException e = assertThrows(ExtrinsicFailedException.class,
                () -> ChainClient.await(submitted));
        record(e.inclusion());
        assertEquals(pallet + "." + error, e.module() + "." + e.errorName(), e.getMessage());
        return e;
    }

    /** The node's pool refuses the extrinsic because its call would fail with {@code error}: nothing is charged. */
    TransactionInvalidException refused(Ed25519.KeyPair who, byte[] call, String error) {
        TransactionInvalidException e = assertThrows(TransactionInvalidException.class,
                () -> ChainClient.await(submit(who, call, OPTIONS)));
        assertEquals(error, e.callError(), e.getMessage());
        return e;
    }

    BigInteger of(AccountId who) {
        return fees.getOrDefault(who, BigInteger.ZERO);
    }

    BigInteger total() {
        return fees.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    private TxInBlock record(TxInBlock in) {
        int pallet = client.layout().index(TransactionPaymentStorage.PALLET);
        for (EventRecord e : in.events()) {
            if (e.palletIndex() == pallet && e.eventIndex() == FEE_PAID) {
                ScaleReader r = new ScaleReader(e.fields());
                AccountId who = AccountId.CODEC.decode(r);
                fees.merge(who, r.u128(), BigInteger::add);
            }
        }
        return in;
    }
}
