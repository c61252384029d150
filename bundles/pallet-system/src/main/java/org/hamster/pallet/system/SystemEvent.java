package org.hamster.pallet.system;

import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.H256;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** frame_system events, in variant order. */
public sealed interface SystemEvent extends PalletEvent {
    @Override
    default String pallet() {
        return SystemStorage.PALLET;
    }

    record ExtrinsicSuccess(DispatchInfo info) implements SystemEvent {
        public int eventIndex() {
            return 0;
        }

        public void encodeFields(ScaleWriter w) {
            info.encode(w);
        }
    }

    record ExtrinsicFailed(DispatchError error, DispatchInfo info) implements SystemEvent {
        public int eventIndex() {
            return 1;
        }

        public void encodeFields(ScaleWriter w) {
            error.encode(w);
            info.encode(w);
        }
    }

    record NewAccount(AccountId account) implements SystemEvent {
        public int eventIndex() {
            return 3;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, account);
        }
    }

    record KilledAccount(AccountId account) implements SystemEvent {
        public int eventIndex() {
            return 4;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, account);
        }
    }

    record Remarked(AccountId sender, H256 hash) implements SystemEvent {
        public int eventIndex() {
            return 5;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, sender);
            H256.CODEC.encode(w, hash);
        }
    }

    /** Skips one event's fields (index 2 is CodeUpdated, which has none). */
    static void skip(int index, ScaleReader r) {
        switch (index) {
            case 0 -> DispatchInfo.decode(r);
            case 1 -> {
                skipDispatchError(r);
                DispatchInfo.decode(r);
            }
            case 2 -> { }
            case 3, 4 -> r.bytes(32);
            case 5 -> r.bytes(64);
            default -> throw new ScaleException("unknown System event " + index);
        }
    }

    static void skipDispatchError(ScaleReader r) {
        int kind = r.u8();
        switch (kind) {
            case 3 -> r.bytes(5);
            case 7, 8, 9 -> r.u8();
            default -> {
                if (kind > 13) {
                    throw new ScaleException("unknown DispatchError " + kind);
                }
            }
        }
    }
}
