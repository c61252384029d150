package org.hamster.chain;

/** Lifecycle of a submitted extrinsic, as author_submitAndWatchExtrinsic reports it. */
public record TxStatus(Kind kind, H256 block, String reason) {
    public enum Kind {
        FUTURE, READY, IN_BLOCK, FINALIZED, DROPPED, INVALID, USURPED
    }

    public boolean terminal() {
        return kind == Kind.FINALIZED || kind == Kind.DROPPED || kind == Kind.INVALID || kind == Kind.USURPED;
    }
}
