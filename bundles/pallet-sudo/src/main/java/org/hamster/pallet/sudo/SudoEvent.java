package org.hamster.pallet.sudo;

import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.pallet.system.SystemEvent;

/** pallet_sudo events, with Substrate's variant indices; a null error encodes DispatchResult Ok. */
public sealed interface SudoEvent extends PalletEvent {
    @Override
    default String pallet() {
        return SudoStorage.PALLET;
    }

    /** A root call of the key holder ran; {@code error} is null if it succeeded. */
    record Sudid(DispatchError error) implements SudoEvent {
        public int eventIndex() {
            return 0;
        }

        public void encodeFields(ScaleWriter w) {
            result(w, error);
        }
    }

    /** The key moved from {@code old} (null if there was none) to {@code newKey}. */
    record KeyChanged(AccountId old, AccountId newKey) implements SudoEvent {
        public int eventIndex() {
            return 1;
        }

        public void encodeFields(ScaleWriter w) {
            w.option(old, AccountId.CODEC::encode);
            AccountId.CODEC.encode(w, newKey);
        }
    }

    record KeyRemoved() implements SudoEvent {
        public int eventIndex() {
            return 2;
        }

        public void encodeFields(ScaleWriter w) {
        }
    }

    /** A call dispatched as another account ran; {@code error} is null if it succeeded. */
    record SudoAsDone(DispatchError error) implements SudoEvent {
        public int eventIndex() {
            return 3;
        }

        public void encodeFields(ScaleWriter w) {
            result(w, error);
        }
    }

    private static void result(ScaleWriter w, DispatchError error) {
        if (error == null) {
            w.u8(0);
        } else {
            error.encode(w.u8(1));
        }
    }

    static void skip(int index, ScaleReader r) {
        switch (index) {
            case 0, 3 -> {
                int tag = r.u8();
                if (tag == 1) {
                    SystemEvent.skipDispatchError(r);
                } else if (tag != 0) {
                    throw new ScaleException("bad DispatchResult tag " + tag);
                }
            }
            case 1 -> {
                r.option(x -> x.bytes(32));
                r.bytes(32);
            }
            case 2 -> { }
            default -> throw new ScaleException("unknown Sudo event " + index);
        }
    }
}
