package org.hamster.pallet.balances;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.MultiAddress;
import org.hamster.chain.spi.Call;
import org.hamster.codec.ScaleWriter;

/** pallet_balances calls we support, with Substrate's call indices and argument encodings. */
public sealed interface BalancesCall extends Call {
    /** Moves {@code value} to {@code dest}; the sender may be reaped. */
    record TransferAllowDeath(MultiAddress dest, BigInteger value) implements BalancesCall {
        public TransferAllowDeath(AccountId dest, BigInteger value) {
            this(MultiAddress.id(dest), value);
        }

        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            MultiAddress.CODEC.encode(w, dest);
            w.compact(value);
        }
    }

    /** Root moves {@code value} from {@code source} to {@code dest}. */
    record ForceTransfer(MultiAddress source, MultiAddress dest, BigInteger value) implements BalancesCall {
        public ForceTransfer(AccountId source, AccountId dest, BigInteger value) {
            this(MultiAddress.id(source), MultiAddress.id(dest), value);
        }

        public int callIndex() {
            return 2;
        }

        public void encodeArgs(ScaleWriter w) {
            MultiAddress.CODEC.encode(w, source);
            MultiAddress.CODEC.encode(w, dest);
            w.compact(value);
        }
    }

    /** Like TransferAllowDeath, but fails rather than reap the sender. */
    record TransferKeepAlive(MultiAddress dest, BigInteger value) implements BalancesCall {
        public TransferKeepAlive(AccountId dest, BigInteger value) {
            this(MultiAddress.id(dest), value);
        }

        public int callIndex() {
            return 3;
        }

        public void encodeArgs(ScaleWriter w) {
            MultiAddress.CODEC.encode(w, dest);
            w.compact(value);
        }
    }

    /** Moves everything transferable; with {@code keepAlive} the existential deposit stays. */
    record TransferAll(MultiAddress dest, boolean keepAlive) implements BalancesCall {
        public TransferAll(AccountId dest, boolean keepAlive) {
            this(MultiAddress.id(dest), keepAlive);
        }

        public int callIndex() {
            return 4;
        }

        public void encodeArgs(ScaleWriter w) {
            MultiAddress.CODEC.encode(w, dest);
            w.bool(keepAlive);
        }
    }

    /** Root sets the free balance (below the existential deposit means zero). */
    record ForceSetBalance(MultiAddress who, BigInteger newFree) implements BalancesCall {
        public ForceSetBalance(AccountId who, BigInteger newFree) {
            this(MultiAddress.id(who), newFree);
        }

        public int callIndex() {
            return 8;
        }

        public void encodeArgs(ScaleWriter w) {
            MultiAddress.CODEC.encode(w, who);
            w.compact(newFree);
        }
    }
}
