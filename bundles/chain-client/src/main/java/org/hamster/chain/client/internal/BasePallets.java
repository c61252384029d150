package org.hamster.chain.client.internal;

import java.util.List;
import java.util.Map;
import org.hamster.chain.client.EventLayout;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;

/**
 * Event field layouts and error names of the base pallets, as Substrate's FRAME defines them (variant order).
 * AccountId = 32 bytes, Balance = u128 (16 bytes), DispatchInfo = (Compact ref_time, Compact proof_size,
 * class u8, pays_fee u8), DispatchResult = Result&lt;(), DispatchError&gt;.
 */
public final class BasePallets {
    private static final int ACCOUNT = 32;
    private static final int BALANCE = 16;

    public static final Map<String, EventLayout> EVENTS = Map.of(
            "System", BasePallets::system,
            "Timestamp", (i, r) -> unknown("Timestamp", i),
            "Balances", BasePallets::balances,
            "TransactionPayment", BasePallets::transactionPayment,
            "Sudo", BasePallets::sudo);

    public static final Map<String, List<String>> ERRORS = Map.of(
            "System", List.of("InvalidSpecName", "SpecVersionNeedsToIncrease", "FailedToExtractRuntimeVersion",
                    "NonDefaultComposite", "NonZeroRefCount", "CallFiltered", "MultiBlockMigrationsOngoing",
                    "NothingAuthorized", "Unauthorized"),
            "Balances", List.of("VestingBalance", "LiquidityRestrictions", "InsufficientBalance",
                    "ExistentialDeposit", "Expendability", "ExistingVestingSchedule", "DeadAccount",
                    "TooManyReserves", "TooManyHolds", "TooManyFreezes", "IssuanceDeactivated", "DeltaZero"),
            "Sudo", List.of("RequireSudo"));

    private BasePallets() {
    }

    /** ExtrinsicSuccess, ExtrinsicFailed, CodeUpdated, NewAccount, KilledAccount, Remarked, UpgradeAuthorized. */
    static void system(int event, ScaleReader r) {
        switch (event) {
            case 0 -> dispatchInfo(r);
            case 1 -> {
                DispatchErrors.skip(r);
                dispatchInfo(r);
            }
            case 2 -> { }
            case 3, 4 -> r.bytes(ACCOUNT);
            case 5 -> r.bytes(ACCOUNT + 32);
            case 6 -> r.bytes(32 + 1);
            default -> unknown("System", event);
        }
    }

    /** pallet_balances events 0..21 (Endowed .. TotalIssuanceForced). */
    static void balances(int event, ScaleReader r) {
        switch (event) {
            case 0, 1, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 17, 18, 19, 20 -> r.bytes(ACCOUNT + BALANCE);
            case 2 -> r.bytes(2 * ACCOUNT + BALANCE);
            case 6 -> r.bytes(2 * ACCOUNT + BALANCE + 1);
            case 14 -> r.bytes(ACCOUNT);
            case 15, 16 -> r.bytes(BALANCE);
            case 21 -> r.bytes(2 * BALANCE);
            default -> unknown("Balances", event);
        }
    }

    /** TransactionFeePaid { who, actual_fee, tip }. */
    static void transactionPayment(int event, ScaleReader r) {
        if (event != 0) {
            unknown("TransactionPayment", event);
        }
        r.bytes(ACCOUNT + 2 * BALANCE);
    }

    /** Sudid, KeyChanged { old: Option, new }, KeyRemoved, SudoAsDone. */
    static void sudo(int event, ScaleReader r) {
        switch (event) {
            case 0, 3 -> dispatchResult(r);
            case 1 -> {
                if (r.optionTag()) {
                    r.bytes(ACCOUNT);
                }
                r.bytes(ACCOUNT);
            }
            case 2 -> { }
            default -> unknown("Sudo", event);
        }
    }

    static void dispatchInfo(ScaleReader r) {
        r.compactBig();
        r.compactBig();
        if (r.u8() > 2 || r.u8() > 1) {
            throw new ScaleException("malformed DispatchInfo");
        }
    }

    static void dispatchResult(ScaleReader r) {
        switch (r.u8()) {
            case 0 -> { }
            case 1 -> DispatchErrors.skip(r);
            default -> throw new ScaleException("malformed DispatchResult");
        }
    }

    private static void unknown(String pallet, int event) {
        throw new ScaleException("unknown " + pallet + " event " + event);
    }
}
