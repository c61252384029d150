package org.hamster.chain.spi;

import org.hamster.chain.AccountId;

/** Who dispatches a call: a signed account, root (sudo) or none (inherents). */
public sealed interface Origin {
    record Signed(AccountId who) implements Origin {
    }

    record Root() implements Origin {
    }

    record None() implements Origin {
    }

    Origin ROOT = new Root();
    Origin NONE = new None();

    static Origin signed(AccountId who) {
        return new Signed(who);
    }

    /** The signer, or BadOrigin. */
    default AccountId ensureSigned() throws DispatchException {
        if (this instanceof Signed s) {
            return s.who();
        }
        throw DispatchException.badOrigin();
    }

    default void ensureRoot() throws DispatchException {
        if (!(this instanceof Root)) {
            throw DispatchException.badOrigin();
        }
    }

    default void ensureNone() throws DispatchException {
        if (!(this instanceof None)) {
            throw DispatchException.badOrigin();
        }
    }
}
