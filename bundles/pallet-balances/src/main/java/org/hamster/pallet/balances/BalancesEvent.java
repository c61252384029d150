package org.hamster.pallet.balances;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;

/** pallet_balances events we emit, with Substrate's variant indices and field layouts. */
public sealed interface BalancesEvent extends PalletEvent {
    @Override
    default String pallet() {
        return BalancesStorage.PALLET;
    }

    /** An account was created with some free balance. */
    record Endowed(AccountId account, BigInteger freeBalance) implements BalancesEvent {
        public int eventIndex() {
            return 0;
        }

        public void encodeFields(ScaleWriter w) {
            whoAmount(w, account, freeBalance);
        }
    }

    /** An account was reaped with a non-zero balance below the existential deposit, which was lost. */
    record DustLost(AccountId account, BigInteger amount) implements BalancesEvent {
        public int eventIndex() {
            return 1;
        }

        public void encodeFields(ScaleWriter w) {
            whoAmount(w, account, amount);
        }
    }

    record Transfer(AccountId from, AccountId to, BigInteger amount) implements BalancesEvent {
        public int eventIndex() {
            return 2;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, from);
            whoAmount(w, to, amount);
        }
    }

    /** Root set a free balance. */
    record BalanceSet(AccountId who, BigInteger free) implements BalancesEvent {
        public int eventIndex() {
            return 3;
        }

        public void encodeFields(ScaleWriter w) {
            whoAmount(w, who, free);
        }
    }

    record Reserved(AccountId who, BigInteger amount) implements BalancesEvent {
        public int eventIndex() {
            return 4;
        }

        public void encodeFields(ScaleWriter w) {
            whoAmount(w, who, amount);
        }
    }

    record Unreserved(AccountId who, BigInteger amount) implements BalancesEvent {
        public int eventIndex() {
            return 5;
        }

        public void encodeFields(ScaleWriter w) {
            whoAmount(w, who, amount);
        }
    }

    /** Reserved funds of {@code from} moved to {@code to}, landing as {@code status}. */
    record ReserveRepatriated(AccountId from, AccountId to, BigInteger amount, BalanceStatus status)
            implements BalancesEvent {
        public int eventIndex() {
            return 6;
        }

        public void encodeFields(ScaleWriter w) {
            AccountId.CODEC.encode(w, from);
            whoAmount(w, to, amount);
            w.u8(status.ordinal());
        }
    }

    /** Funds were minted into an account (e.g. fees paid to the treasury). */
    record Deposit(AccountId who, BigInteger amount) implements BalancesEvent {
        public int eventIndex() {
            return 7;
        }

        public void encodeFields(ScaleWriter w) {
            whoAmount(w, who, amount);
        }
    }

    /** Funds were taken out of an account (e.g. for transaction fees). */
    record Withdraw(AccountId who, BigInteger amount) implements BalancesEvent {
        public int eventIndex() {
            return 8;
        }

        public void encodeFields(ScaleWriter w) {
            whoAmount(w, who, amount);
        }
    }

    /** Reserved funds were removed (e.g. for misbehaviour). */
    record Slashed(AccountId who, BigInteger amount) implements BalancesEvent {
        public int eventIndex() {
            return 9;
        }

        public void encodeFields(ScaleWriter w) {
            whoAmount(w, who, amount);
        }
    }

    private static void whoAmount(ScaleWriter w, AccountId who, BigInteger amount) {
        AccountId.CODEC.encode(w, who);
        w.u128(amount);
    }

    /**
     * Skips the fields of any pallet_balances event (0..21), including those we never emit: Minted..Thawed are
     * (who, amount), Upgraded (who), Issued/Rescinded (amount), TotalIssuanceForced (old, new).
     */
    static void skip(int index, ScaleReader r) {
        switch (index) {
            case 0, 1, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 17, 18, 19, 20 -> r.bytes(48);
            case 2 -> r.bytes(80);
            case 6 -> {
                r.bytes(80);
                if (r.u8() > 1) {
                    throw new ScaleException("bad BalanceStatus");
                }
            }
            case 14 -> r.bytes(32);
            case 15, 16 -> r.bytes(16);
            case 21 -> r.bytes(32);
            default -> throw new ScaleException("unknown Balances event " + index);
        }
    }
}
