package org.hamster.provider;

import java.time.Instant;
import java.util.List;

/**
 * How the provider is doing.
 *
 * @param state {@link State#RUNNING}, or why nothing runs
 * @param reason why it is not running and what to set or do, for people; null while RUNNING
 * @param peerId the provider's libp2p peer id (registered with its resources); null while not running
 * @param account the SS58 address it signs with; null while not running
 * @param listenAddresses where tenants reach it directly, and through which gateways ({@code /p2p-circuit}); empty
 *     while not running
 * @param backend the backend new leases go to
 * @param backends the backends installed now
 * @param lastReconcile when the chain and the machines were last compared successfully, null before
 * @param detail a sentence for people on how it is doing (while not running: the state and the reason)
 */
public record ProviderStatus(State state, String reason, String peerId, String account,
        List<String> listenAddresses, String backend, List<String> backends, Instant lastReconcile, String detail) {
    /** Whether the provider runs, and if not, what it waits for. */
    public enum State {
        /**
         * Serving: p2p host up, leases reconciled with the chain, heartbeats sent, management calls signed with its
         * account.
         */
        RUNNING,
        /**
         * Its configuration does not let it start (no account, no password file, an account the keystore does not
         * have or cannot unlock with that password): nothing runs (no p2p host, no leases, no chain calls), and
         * every management call is refused with {@link org.hamster.common.ErrorCode#CONFIG} and the reason. It
         * starts once the configuration (or the keystore or password file it names) is fixed.
         */
        UNCONFIGURED,
        /**
         * Configured, but the chain client has no connection to its node yet: nothing runs, management calls are
         * refused with {@link org.hamster.common.ErrorCode#UNAVAILABLE}. It starts once the node answers.
         */
        WAITING_FOR_CHAIN
    }

    public ProviderStatus {
        listenAddresses = List.copyOf(listenAddresses);
        backends = List.copyOf(backends);
    }

    /** A running provider's status (the constructor of package version 0.2). */
    public ProviderStatus(String peerId, String account, List<String> listenAddresses, String backend,
            List<String> backends, Instant lastReconcile, String detail) {
        this(State.RUNNING, null, peerId, account, listenAddresses, backend, backends, lastReconcile, detail);
    }

    /** The status of a provider that does not run, for {@code reason}. */
    public static ProviderStatus notRunning(State state, String reason, String backend, List<String> backends) {
        if (state == State.RUNNING) {
            throw new IllegalArgumentException("a running provider has a peer id and an account");
        }
        String what = state == State.UNCONFIGURED ? "not configured" : "waiting for the chain";
        return new ProviderStatus(state, reason, null, null, List.of(), backend, backends, null, what + ": " + reason);
    }

    /** Whether it runs (else {@link #reason()} says why not). */
    public boolean running() {
        return state == State.RUNNING;
    }
}
