package org.hamster.chain.client.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.hamster.chain.AccountId;

/**
 * Hands out consecutive nonces per account without asking the node each time: seeded from the node's
 * {@code system_accountNextIndex} on first use (and after {@link #resync}), then counted locally.
 */
public final class NonceTracker {
    private final Map<AccountId, Long> next = new HashMap<>();

    /** Reserves the next nonce of {@code who}; {@code chain} fetches the node's view when none is known. */
    public CompletableFuture<Long> reserve(AccountId who, Function<AccountId, CompletableFuture<Long>> chain) {
        synchronized (this) {
            Long n = next.get(who);
            if (n != null) {
                next.put(who, n + 1);
                return CompletableFuture.completedFuture(n);
            }
        }
        return chain.apply(who).thenApply(fetched -> take(who, fetched));
    }

    /** Forgets the account's counter: the next reservation asks the node again. */
    public synchronized void resync(AccountId who) {
        next.remove(who);
    }

    public synchronized void clear() {
        next.clear();
    }

    /** The nonce the next reservation would get without asking the node, if known. */
    public synchronized OptionalLong peek(AccountId who) {
        Long n = next.get(who);
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** Reservations racing a fetch never go below what was already handed out, nor below the node's view. */
    private synchronized long take(AccountId who, long fetched) {
        long n = Math.max(next.getOrDefault(who, fetched), fetched);
        next.put(who, n + 1);
        return n;
    }
}
