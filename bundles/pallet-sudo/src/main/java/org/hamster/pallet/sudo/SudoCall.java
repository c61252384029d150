package org.hamster.pallet.sudo;

import org.hamster.chain.AccountId;
import org.hamster.chain.MultiAddress;
import org.hamster.chain.spi.Call;
import org.hamster.codec.ScaleWriter;

/** pallet_sudo calls, with Substrate's call indices. Nested calls are kept as their runtime encoding. */
public sealed interface SudoCall extends Call {
    /** Dispatches {@code call} with the Root origin. */
    record Sudo(byte[] call) implements SudoCall {
        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            w.bytes(call);
        }
    }

    /** As Sudo, with a weight (ref_time, proof_size) the caller vouches for. */
    record SudoUncheckedWeight(byte[] call, long refTime, long proofSize) implements SudoCall {
        public int callIndex() {
            return 1;
        }

        public void encodeArgs(ScaleWriter w) {
            w.bytes(call).compact(refTime).compact(proofSize);
        }
    }

    /** Hands the sudo key to {@code newKey}. */
    record SetKey(MultiAddress newKey) implements SudoCall {
        public SetKey(AccountId newKey) {
            this(MultiAddress.id(newKey));
        }

        public int callIndex() {
            return 2;
        }

        public void encodeArgs(ScaleWriter w) {
            MultiAddress.CODEC.encode(w, newKey);
        }
    }

    /** Dispatches {@code call} signed by {@code who}. */
    record SudoAs(MultiAddress who, byte[] call) implements SudoCall {
        public SudoAs(AccountId who, byte[] call) {
            this(MultiAddress.id(who), call);
        }

        public int callIndex() {
            return 3;
        }

        public void encodeArgs(ScaleWriter w) {
            MultiAddress.CODEC.encode(w, who);
            w.bytes(call);
        }
    }

    /** Removes the key for good: no one can use sudo afterwards. */
    record RemoveKey() implements SudoCall {
        public int callIndex() {
            return 4;
        }

        public void encodeArgs(ScaleWriter w) {
        }
    }
}
