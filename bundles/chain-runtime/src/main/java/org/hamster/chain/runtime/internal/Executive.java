package org.hamster.chain.runtime.internal;

import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.EventRecord;
import org.hamster.chain.Extrinsic;
import org.hamster.chain.H256;
import org.hamster.chain.SignedPayload;
import org.hamster.chain.TransactionRejected;
import org.hamster.chain.TransactionRejected.Invalid;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.FeeCharger;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.State;
import org.hamster.codec.ScaleException;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.VerifyingKey;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.DispatchInfo;
import org.hamster.pallet.system.SystemEvent;
import org.hamster.pallet.system.SystemStorage;

/**
 * Checks and applies extrinsics: Ed25519 signature over the signed payload (spec and tx version, genesis, era birth
 * hash; other MultiSignature kinds are bad proofs), mortality, nonce, fee; then dispatch in a transactional layer. A rejected extrinsic changes nothing.
 */
final class Executive {
    /** Weight we report for every call until benchmarked weights exist. */
    static final long CALL_WEIGHT = 100_000_000L;

    /** A statically valid signed extrinsic: its decoded call and fee. */
    record Checked(Extrinsic xt, RuntimeModules.Decoded call, BigInteger fee) {
    }

    private static final int KEY_CACHE_SIZE = 65_536;
    private final ConcurrentHashMap<AccountId, VerifyingKey> keys =
            new ConcurrentHashMap<>();
    private final RuntimeModules modules;
    private final H256 genesis;
    private final LongFunction<Optional<H256>> blockHash;
    private final long blockHashCount;

    Executive(RuntimeModules modules, H256 genesis, LongFunction<Optional<H256>> blockHash, long blockHashCount) {
        this.modules = modules;
        this.genesis = genesis;
        this.blockHash = blockHash;
        this.blockHashCount = blockHashCount;
    }

    RuntimeModules modules() {
        return modules;
    }

    /** Decodes an opaque extrinsic, rejecting malformed input as an invalid call. */
    static Extrinsic decode(byte[] opaque) throws TransactionRejected {
        try {
            return Extrinsic.decode(opaque);
        } catch (ScaleException | IllegalArgumentException e) {
            throw new TransactionRejected(Invalid.CALL, "Could not decode extrinsic: " + e.getMessage());
        }
    }

    /** Stateless and signature checks for a signed extrinsic to be included in block {@code current}. */
    Checked check(Extrinsic xt, long current, boolean verifySignature) throws TransactionRejected {
        if (!xt.signed()) {
            throw new TransactionRejected(Invalid.CALL, "Unsigned extrinsics are only accepted as inherents");
        }
        RuntimeModules.Decoded call;
        try {
            call = modules.decodeAll(xt.call());
        } catch (ScaleException e) {
            throw new TransactionRejected(Invalid.CALL, "Could not decode call: " + e.getMessage());
        }
        if (verifySignature) {
            verify(xt, current);
        }
        BigInteger fee = modules.fees().fee(xt.encoded().length, call.call());
        return new Checked(xt, call, fee);
    }

    private void verify(Extrinsic xt, long current) throws TransactionRejected {
        if (xt.signatureType() != Extrinsic.SignatureType.ED25519) {
            throw new TransactionRejected(Invalid.BAD_PROOF, "Transaction has a bad signature: only Ed25519 "
                    + "signatures are accepted, not " + xt.signatureType());
        }
        long birth = xt.era().birth(current);
        if (!xt.era().immortal() && (birth >= current || current - birth > blockHashCount)) {
            throw new TransactionRejected(Invalid.ANCIENT_BIRTH_BLOCK, "Transaction has an ancient birth block");
        }
        H256 birthHash = xt.era().immortal() ? genesis : blockHash.apply(birth).orElse(null);
        if (birthHash == null) {
            throw new TransactionRejected(Invalid.ANCIENT_BIRTH_BLOCK, "Transaction has an ancient birth block");
        }
        if (signatureMatches(xt, birthHash)) {
            return;
        }
        if (!xt.era().immortal() && birth >= xt.era().period()) {
            Optional<H256> earlier = blockHash.apply(birth - xt.era().period());
            if (earlier.isPresent() && signatureMatches(xt, earlier.get())) {
                throw new TransactionRejected(Invalid.STALE, "Transaction is outdated: its mortal era has expired");
            }
        }
        throw new TransactionRejected(Invalid.BAD_PROOF,
                "Transaction has a bad signature (or was signed for another chain, genesis or runtime version)");
    }

    private boolean signatureMatches(Extrinsic xt, H256 eraHash) {
        byte[] payload = SignedPayload.of(xt.call(), xt.era(), xt.nonce(), xt.tip(), modules.version().specVersion(),
                modules.version().transactionVersion(), genesis, eraHash);
        return verifyingKey(xt.signer()).verify(payload, xt.signature());
    }

    /** Decoded signer keys, so that a busy sender's point is decompressed once; bounded, cleared when full. */
    private VerifyingKey verifyingKey(AccountId who) {
        VerifyingKey k = keys.get(who);
        if (k == null) {
            if (keys.size() >= KEY_CACHE_SIZE) {
                keys.clear();
            }
            k = Ed25519.verifyingKey(who.publicKey());
            keys.put(who, k);
        }
        return k;
    }

    static long nonceOf(State s, AccountId who) {
        AccountInfo a = SystemStorage.ACCOUNT.get(s, who);
        return a == null ? 0 : a.nonce();
    }

    /**
     * Applies a checked extrinsic at index {@code index} of the block. Throws (with nothing changed) if it cannot
     * be included; otherwise the fee is paid and the call's own failure is reported as ExtrinsicFailed and
     * returned (null when the call succeeded).
     */
    DispatchError apply(BlockContext ctx, Checked c, int index) throws TransactionRejected {
        Extrinsic xt = c.xt();
        AccountId who = xt.signer();
        State s = ctx.state();
        AccountInfo acct = SystemStorage.ACCOUNT.get(s, who);
        long nonce = acct == null ? 0 : acct.nonce();
        if (xt.nonce() < nonce) {
            throw new TransactionRejected(Invalid.STALE, "Transaction is outdated (nonce " + xt.nonce()
                    + " already used; next is " + nonce + ")");
        }
        if (xt.nonce() > nonce) {
            throw new TransactionRejected(Invalid.FUTURE, "Transaction will be valid in the future (nonce "
                    + xt.nonce() + ", next is " + nonce + ")");
        }
        ctx.phase(EventRecord.Phase.APPLY_EXTRINSIC, index);
        int mark = ctx.eventMark();
        FeeCharger fees = modules.fees();
        ctx.state().begin();
        try {
            fees.withdraw(ctx, who, c.fee(), xt.tip());
        } catch (TransactionRejected e) {
            ctx.state().rollback();
            ctx.truncateEvents(mark);
            throw e;
        }
        ctx.state().commitLayer();
        AccountInfo after = SystemStorage.ACCOUNT.get(s, who);
        if (after == null) {
            after = AccountInfo.EMPTY;
        }
        SystemStorage.ACCOUNT.put(s, who, after.withNonce(nonce + 1));
        DispatchInfo info = new DispatchInfo(CALL_WEIGHT, 0, DispatchInfo.NORMAL, true);
        DispatchError failure = null;
        try {
            ctx.dispatch(Origin.signed(who), c.call());
        } catch (DispatchException e) {
            failure = toError(e);
        }
        fees.settle(ctx, who, c.fee(), xt.tip());
        ctx.deposit(failure == null ? new SystemEvent.ExtrinsicSuccess(info)
                : new SystemEvent.ExtrinsicFailed(failure, info));
        return failure;
    }

    /** Applies an inherent (unsigned, origin None); a failing inherent makes the block invalid. */
    void applyInherent(BlockContext ctx, byte[] call, int index) {
        ctx.phase(EventRecord.Phase.APPLY_EXTRINSIC, index);
        DispatchInfo info = new DispatchInfo(0, 0, DispatchInfo.MANDATORY, false);
        try {
            ctx.dispatch(Origin.NONE, modules.decodeAll(call));
        } catch (DispatchException | ScaleException e) {
            throw new IllegalStateException("inherent failed: " + e.getMessage(), e);
        }
        ctx.deposit(new SystemEvent.ExtrinsicSuccess(info));
    }

    DispatchError toError(DispatchException e) {
        return e.toDispatchError(modules::indexOf);
    }
}
