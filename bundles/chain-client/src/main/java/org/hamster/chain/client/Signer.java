package org.hamster.chain.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.Era;
import org.hamster.chain.EventRecord;
import org.hamster.chain.ExtrinsicSigner;
import org.hamster.chain.H256;
import org.hamster.chain.Header;
import org.hamster.chain.RuntimeVersion;
import org.hamster.chain.Subscription;
import org.hamster.chain.TxStatus;
import org.hamster.chain.client.internal.NonceTracker;
import org.hamster.codec.ScaleReader;
import org.hamster.common.ErrorCode;
import org.hamster.crypto.Blake2b;
import org.hamster.crypto.Ed25519;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, signs and submits v4 extrinsics. Genesis hash and runtime version are fetched once and refreshed after a
 * reconnection, when the best block announces a runtime upgrade, or when the node rejects a signature. Nonces are
 * counted locally per account and re-read from the node whenever a submission fails; a submission refused for
 * its nonce (stale, future, already pooled) is re-signed with a fresh one, up to three attempts.
 */
public final class Signer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Signer.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final int SYSTEM_EXTRINSIC_FAILED = 1;
    private static final int DIGEST_RUNTIME_UPDATED = 8;

    private final ChainClient client;
    private final NonceTracker nonces = new NonceTracker();
    private final Subscription connectionWatch;
    private volatile CompletableFuture<Facts> facts;
    private volatile long upgradeSeenAt = -1;

    private record Facts(H256 genesis, RuntimeVersion version) {
    }

    private record Context(Facts facts, Era era, H256 eraHash) {
    }

    public Signer(ChainClient client) {
        this.client = client;
        this.connectionWatch = client.addConnectionListener(connected -> {
            if (connected) {
                invalidate();
            }
        });
    }

    /** Signs {@code call} with the next nonce of {@code pair}'s account, mortal for 64 blocks. */
    public CompletableFuture<byte[]> sign(Ed25519.KeyPair pair, byte[] call) {
        return sign(pair, call, TxOptions.DEFAULT);
    }

    /** Signs into an opaque extrinsic; a tracked nonce is reserved, so the result should be submitted. */
    public CompletableFuture<byte[]> sign(Ed25519.KeyPair pair, byte[] call, TxOptions options) {
        AccountId who = AccountId.of(pair.publicKey());
        return context(options).thenCompose(ctx -> nonce(who, options).thenApply(n -> ExtrinsicSigner.sign(pair,
                call, n, options.tip(), ctx.era(), ctx.facts().version(), ctx.facts().genesis(), ctx.eraHash())));
    }

    /** Signs and submits; completes with the extrinsic hash once the node's pool accepted it. */
    public CompletableFuture<H256> submit(Ed25519.KeyPair pair, byte[] call) {
        return submit(pair, call, TxOptions.DEFAULT);
    }

    public CompletableFuture<H256> submit(Ed25519.KeyPair pair, byte[] call, TxOptions options) {
        return attempt(pair, call, options, 1, client::submit);
    }

    /** Signs, submits and waits until the extrinsic is in a block; see the three-argument form. */
    public CompletableFuture<TxInBlock> submitAndWaitInBlock(Ed25519.KeyPair pair, byte[] call) {
        return submitAndWaitInBlock(pair, call, TxOptions.DEFAULT);
    }

    /**
     * Completes with the block and the extrinsic's events once it is in a block. Fails with {@link
     * ExtrinsicFailedException} if the call failed there, {@link TransactionInvalidException} if the pool refused
     * it (a call the node found bound to fail is refused so, see {@link TransactionInvalidException#callError()}),
     * {@link ConnectionLostException} if the link dropped while waiting (it may still be included), or
     * {@link RequestTimeoutException} after {@code options.inclusionTimeout()}.
     */
    public CompletableFuture<TxInBlock> submitAndWaitInBlock(Ed25519.KeyPair pair, byte[] call, TxOptions options) {
        CompletableFuture<TxInBlock> result = new CompletableFuture<>();
        AccountId who = AccountId.of(pair.publicKey());
        AtomicBoolean included = new AtomicBoolean();
        attempt(pair, call, options, 1, xt -> client.submitAndWatch(xt, s -> onStatus(s, xt, who, included, result)))
                .whenComplete((watch, e) -> {
                    if (e != null) {
                        result.completeExceptionally(unwrap(e));
                    } else {
                        result.whenComplete((r, x) -> watch.close());
                    }
                });
        return withTimeout(result, options.inclusionTimeout());
    }

    /** Forgets the account's nonce counter (e.g. after it was used elsewhere). */
    public void resetNonce(AccountId who) {
        nonces.resync(who);
    }

    /** Forgets genesis hash, runtime version and all nonce counters; they are fetched again when next needed. */
    public void invalidate() {
        facts = null;
        nonces.clear();
    }

    @Override
    public void close() {
        connectionWatch.close();
    }

    private <T> CompletableFuture<T> attempt(Ed25519.KeyPair pair, byte[] call, TxOptions options, int n,
            Function<byte[], CompletableFuture<T>> send) {
        AccountId who = AccountId.of(pair.publicKey());
        return sign(pair, call, options).thenCompose(send).handle((r, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(r);
            }
            Throwable cause = unwrap(e);
            if (options.nonce() == null) {
                nonces.resync(who);
            }
            if (cause instanceof TransactionInvalidException t && n < MAX_ATTEMPTS && retryable(t, options)) {
                if (t.badProof()) {
                    facts = null;
                }
                LOG.debug("re-signing a transaction of {} after: {}", who, t.getMessage());
                return attempt(pair, call, options, n + 1, send);
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    private static boolean retryable(TransactionInvalidException t, TxOptions options) {
        return t.badProof() || t.nonceMismatch() && options.nonce() == null;
    }

    private CompletableFuture<Long> nonce(AccountId who, TxOptions options) {
        return options.nonce() != null ? CompletableFuture.completedFuture(options.nonce())
                : nonces.reserve(who, client::accountNextIndex);
    }

    private CompletableFuture<Context> context(TxOptions options) {
        if (options.immortal()) {
            return facts().thenApply(f -> new Context(f, Era.IMMORTAL, f.genesis()));
        }
        return client.bestHeader().thenCompose(best -> {
            noteUpgrade(best);
            Era era = Era.mortal(options.mortality(), best.number());
            long birth = era.birth(best.number());
            return facts().thenCombine(client.blockHash(birth), (f, h) -> new Context(f, era, h.orElseThrow(
                    () -> new CompletionException(new ChainClientException(ErrorCode.CHAIN,
                            "the node has no block " + birth + " to anchor the transaction's era")))));
        });
    }

    /** A best block carrying RuntimeEnvironmentUpdated means new spec/transaction versions: re-read them. */
    private void noteUpgrade(Header best) {
        boolean upgraded = best.digest().stream().anyMatch(d -> d.length > 0 && d[0] == DIGEST_RUNTIME_UPDATED);
        if (upgraded && best.number() != upgradeSeenAt) {
            upgradeSeenAt = best.number();
            facts = null;
        }
    }

    private CompletableFuture<Facts> facts() {
        CompletableFuture<Facts> f = facts;
        if (f == null || f.isCompletedExceptionally()) {
            f = client.genesisHash().thenCombine(client.runtimeVersion(), Facts::new);
            facts = f;
        }
        return f;
    }

    private void onStatus(TxStatus s, byte[] xt, AccountId who, AtomicBoolean included,
            CompletableFuture<TxInBlock> result) {
        if (result.isDone() || included.get()) {
            return;
        }
        H256 txHash = H256.of(Blake2b.hash256(xt));
        switch (s.kind()) {
            case IN_BLOCK, FINALIZED -> {
                included.set(true);
                inclusion(s.block(), xt, txHash).whenComplete((r, e) -> {
                    if (e != null) {
                        result.completeExceptionally(unwrap(e));
                    } else {
                        result.complete(r);
                    }
                });
            }
            case DROPPED, INVALID, USURPED -> {
                nonces.resync(who);
                result.completeExceptionally(notIncluded(s, txHash));
            }
            default -> { }
        }
    }

    private static ChainClientException notIncluded(TxStatus s, H256 txHash) {
        String reason = s.reason() == null ? "" : ": " + s.reason();
        if (s.reason() != null && s.reason().startsWith(ChainClient.WATCH_LOST)) {
            return new ConnectionLostException("stopped waiting for transaction " + txHash + reason, null);
        }
        return new ChainClientException(ErrorCode.CHAIN, "transaction " + txHash + " was not included ("
                + s.kind().name().toLowerCase(java.util.Locale.ROOT) + reason + ")");
    }

    private CompletableFuture<TxInBlock> inclusion(H256 block, byte[] xt, H256 txHash) {
        return client.blockBody(block).thenCompose(body -> {
            List<byte[]> xts = body.orElse(List.of());
            int index = -1;
            for (int i = 0; i < xts.size() && index < 0; i++) {
                index = Arrays.equals(xts.get(i), xt) ? i : -1;
            }
            if (index < 0) {
                throw new CompletionException(new ChainClientException(ErrorCode.CHAIN,
                        "block " + block + " was reported to include transaction " + txHash + " but does not"));
            }
            int at = index;
            return client.events(block).thenApply(all -> outcome(new TxInBlock(txHash, block, at,
                    all.stream().filter(e -> e.phase() == EventRecord.Phase.APPLY_EXTRINSIC
                            && e.extrinsicIndex() == at).toList())));
        });
    }

    /** Throws ExtrinsicFailedException when the extrinsic's events contain System.ExtrinsicFailed. */
    private TxInBlock outcome(TxInBlock in) {
        RuntimeLayout layout = client.layout();
        if (!layout.palletIndices().containsKey("System")) {
            return in;
        }
        int system = layout.index("System");
        in.find(system, SYSTEM_EXTRINSIC_FAILED).ifPresent(e -> {
            DispatchError error = layout.decodeDispatchError(new ScaleReader(e.fields()));
            boolean module = error.kind() == DispatchError.Kind.MODULE;
            throw new CompletionException(new ExtrinsicFailedException(error,
                    module ? layout.palletName(error.palletIndex()) : null,
                    module ? layout.errorName(error.palletIndex(), error.detail()) : null, in));
        });
        return in;
    }

    private static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> f, Duration timeout) {
        CompletableFuture<T> out = new CompletableFuture<>();
        f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            if (e == null) {
                out.complete(r);
            } else if (unwrap(e) instanceof TimeoutException) {
                out.completeExceptionally(new RequestTimeoutException("the transaction was not included within "
                        + timeout.toMillis() + " ms"));
            } else {
                out.completeExceptionally(unwrap(e));
            }
        });
        return out;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable c = e;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
