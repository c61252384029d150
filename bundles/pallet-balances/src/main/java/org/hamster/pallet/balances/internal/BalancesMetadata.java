package org.hamster.pallet.balances.internal;

import static org.hamster.chain.spi.meta.StdTypes.ACCOUNT_ID;
import static org.hamster.chain.spi.meta.StdTypes.BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.BOOL;
import static org.hamster.chain.spi.meta.StdTypes.COMPACT_BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.MULTI_ADDRESS;
import static org.hamster.chain.spi.meta.Ty.field;

import java.math.BigInteger;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.Codecs;
import org.hamster.pallet.balances.BalancesError;
import org.hamster.pallet.balances.BalancesStorage;

/**
 * pallet_balances as the metadata describes it: exactly what {@code BalancesCall}, {@code BalancesEvent},
 * {@code BalancesError} and {@code BalancesStorage} encode, with Substrate's names, types and paths. The
 * balances themselves are System.Account's {@code data} (AccountStore = System), described by System.
 */
final class BalancesMetadata {
    /** {@code frame_support::traits::tokens::misc::BalanceStatus}, as {@code BalanceStatus} orders it. */
    static final Ty BALANCE_STATUS = Ty.unitEnum("frame_support::traits::tokens::misc::BalanceStatus", "Free",
            "Reserved");
    private static final String LOOKUP = "AccountIdLookupOf<T>";
    private static final String ACCOUNT = "T::AccountId";
    private static final String AMOUNT = "T::Balance";

    private BalancesMetadata() {
    }

    static PalletMeta build(BigInteger existentialDeposit) {
        PalletMeta.Builder b = PalletMeta.builder(BalancesStorage.PALLET);
        b.call(0, "transfer_allow_death", "Transfers some liquid free balance to another account; the sender may be"
                        + " reaped.", field("dest", MULTI_ADDRESS, LOOKUP), field("value", COMPACT_BALANCE, AMOUNT))
                .call(2, "force_transfer", "Root moves some liquid free balance from one account to another.",
                        field("source", MULTI_ADDRESS, LOOKUP), field("dest", MULTI_ADDRESS, LOOKUP),
                        field("value", COMPACT_BALANCE, AMOUNT))
                .call(3, "transfer_keep_alive", "Same as transfer_allow_death, but fails rather than reap the sender.",
                        field("dest", MULTI_ADDRESS, LOOKUP), field("value", COMPACT_BALANCE, AMOUNT))
                .call(4, "transfer_all", "Transfers the entire transferable balance; with keep_alive the existential"
                        + " deposit stays.", field("dest", MULTI_ADDRESS, LOOKUP), field("keep_alive", BOOL, "bool"))
                .call(8, "force_set_balance", "Root sets the free balance of an account (below the existential"
                        + " deposit means zero).", field("who", MULTI_ADDRESS, LOOKUP),
                        field("new_free", COMPACT_BALANCE, AMOUNT));
        b.event(0, "Endowed", "An account was created with some free balance.",
                        field("account", ACCOUNT_ID, ACCOUNT), field("free_balance", BALANCE, AMOUNT))
                .event(1, "DustLost", "An account was removed whose balance was non-zero but below"
                        + " ExistentialDeposit, resulting in an outright loss.",
                        field("account", ACCOUNT_ID, ACCOUNT), field("amount", BALANCE, AMOUNT))
                .event(2, "Transfer", "Transfer succeeded.", field("from", ACCOUNT_ID, ACCOUNT),
                        field("to", ACCOUNT_ID, ACCOUNT), field("amount", BALANCE, AMOUNT))
                .event(3, "BalanceSet", "A balance was set by root.", field("who", ACCOUNT_ID, ACCOUNT),
                        field("free", BALANCE, AMOUNT))
                .event(4, "Reserved", "Some balance was reserved (moved from free to reserved).",
                        field("who", ACCOUNT_ID, ACCOUNT), field("amount", BALANCE, AMOUNT))
                .event(5, "Unreserved", "Some balance was unreserved (moved from reserved to free).",
                        field("who", ACCOUNT_ID, ACCOUNT), field("amount", BALANCE, AMOUNT))
                .event(6, "ReserveRepatriated", "Some balance was moved from the reserve of the first account to the"
                        + " second account. Final argument indicates the destination balance type.",
                        field("from", ACCOUNT_ID, ACCOUNT), field("to", ACCOUNT_ID, ACCOUNT),
                        field("amount", BALANCE, AMOUNT), field("destination_status", BALANCE_STATUS, "Status"))
                .event(7, "Deposit", "Some amount was deposited (e.g. for transaction fees).",
                        field("who", ACCOUNT_ID, ACCOUNT), field("amount", BALANCE, AMOUNT))
                .event(8, "Withdraw", "Some amount was withdrawn from the account (e.g. for transaction fees).",
                        field("who", ACCOUNT_ID, ACCOUNT), field("amount", BALANCE, AMOUNT))
                .event(9, "Slashed", "Some amount was removed from the account (e.g. for misbehavior).",
                        field("who", ACCOUNT_ID, ACCOUNT), field("amount", BALANCE, AMOUNT));
        b.errors(BalancesError.class);
        b.value(BalancesStorage.TOTAL_ISSUANCE, Modifier.DEFAULT, BALANCE, Codecs.U128.encode(BigInteger.ZERO),
                "The total units issued in the system.");
        Ty id = new Ty.Arr(8, StdTypes.U8);
        Ty lock = Ty.struct(b.typePath("BalanceLock"), field("id", id, "LockIdentifier"),
                field("amount", BALANCE, "Balance"), field("reasons", Ty.unitEnum(b.typePath("Reasons"), "Fee", "Misc",
                        "All"), "Reasons"));
        Ty reserve = Ty.struct(b.typePath("ReserveData"), field("id", id, "ReserveIdentifier"),
                field("amount", BALANCE, "Balance"));
        b.map(BalancesStorage.LOCKS, Modifier.DEFAULT, ACCOUNT_ID, StdTypes.vec(lock), new byte[] {0},
                "Any liquidity locks on some account balances. Always empty on this chain (nothing locks).");
        b.map(BalancesStorage.RESERVES, Modifier.DEFAULT, ACCOUNT_ID, StdTypes.vec(reserve), new byte[] {0},
                "Named reserves on some account balances. Always empty on this chain (reserves are unnamed).");
        b.constant("ExistentialDeposit", BALANCE, Codecs.U128.encode(existentialDeposit),
                "The minimum amount required to keep an account open.");
        return b.build();
    }
}
