package org.hamster.chain.spi.meta;

import static org.hamster.chain.spi.meta.Ty.field;
import static org.hamster.chain.spi.meta.Ty.path;

import java.util.List;
import org.hamster.chain.spi.meta.Ty.Case;
import org.hamster.chain.spi.meta.Ty.Composite;
import org.hamster.chain.spi.meta.Ty.Kind;
import org.hamster.chain.spi.meta.Ty.Param;
import org.hamster.chain.spi.meta.Ty.Prim;
import org.hamster.chain.spi.meta.Ty.Variant;

/**
 * The types every pallet shares, described exactly as polkadot-sdk's runtime describes them (same paths, fields
 * and variants), so tools that know Substrate's types by path (polkadot.js: AccountId32, MultiAddress, Weight V2,
 * DispatchError) recognise ours.
 */
public final class StdTypes {
    public static final Ty BOOL = new Prim(Kind.BOOL);
    public static final Ty STR = new Prim(Kind.STR);
    public static final Ty U8 = new Prim(Kind.U8);
    public static final Ty U16 = new Prim(Kind.U16);
    public static final Ty U32 = new Prim(Kind.U32);
    public static final Ty U64 = new Prim(Kind.U64);
    public static final Ty U128 = new Prim(Kind.U128);
    /** {@code ()}. */
    public static final Ty UNIT = new Ty.Tuple(List.of());
    /** {@code Vec<u8>}. */
    public static final Ty BYTES = new Ty.Seq(U8);
    public static final Ty COMPACT_U32 = new Ty.Compact(U32);
    public static final Ty COMPACT_U64 = new Ty.Compact(U64);
    /** Balances are u128 (12 decimals). */
    public static final Ty BALANCE = U128;
    public static final Ty COMPACT_BALANCE = new Ty.Compact(U128);
    /** Timestamps and durations in milliseconds. */
    public static final Ty MOMENT = U64;
    public static final Ty BLOCK_NUMBER = U32;
    public static final Ty ACCOUNT_ID = new Composite(path("sp_core::crypto::AccountId32"), List.of(),
            List.of(field(new Ty.Arr(32, U8), "[u8; 32]")), List.of());
    public static final Ty H256 = new Composite(path("primitive_types::H256"), List.of(),
            List.of(field(new Ty.Arr(32, U8), "[u8; 32]")), List.of());
    public static final Ty MULTI_ADDRESS = new Variant(path("sp_runtime::multiaddress::MultiAddress"),
            List.of(new Param("AccountId", ACCOUNT_ID), new Param("AccountIndex", U32)), List.of(
                    new Case("Id", List.of(field(ACCOUNT_ID, "AccountId")), 0, List.of()),
                    new Case("Index", List.of(field(COMPACT_U32, "AccountIndex")), 1, List.of()),
                    new Case("Raw", List.of(field(BYTES, "Vec<u8>")), 2, List.of()),
                    new Case("Address32", List.of(field(new Ty.Arr(32, U8), "[u8; 32]")), 3, List.of()),
                    new Case("Address20", List.of(field(new Ty.Arr(20, U8), "[u8; 20]")), 4, List.of())),
            List.of());
    /** Weight V2: {@code {ref_time: Compact<u64>, proof_size: Compact<u64>}}; polkadot.js finds it by this path. */
    public static final Ty WEIGHT = Ty.struct("sp_weights::weight_v2::Weight", field("ref_time", COMPACT_U64, "u64"),
            field("proof_size", COMPACT_U64, "u64"));
    public static final Ty DISPATCH_CLASS = Ty.unitEnum("frame_support::dispatch::DispatchClass", "Normal",
            "Operational", "Mandatory");
    public static final Ty PAYS = Ty.unitEnum("frame_support::dispatch::Pays", "Yes", "No");
    public static final Ty DISPATCH_INFO = Ty.struct("frame_support::dispatch::DispatchInfo",
            field("weight", WEIGHT, "Weight"), field("class", DISPATCH_CLASS, "DispatchClass"),
            field("pays_fee", PAYS, "Pays"));
    public static final Ty MODULE_ERROR = Ty.struct("sp_runtime::ModuleError", field("index", U8, "u8"),
            field("error", new Ty.Arr(4, U8), "[u8; 4]"));
    public static final Ty TOKEN_ERROR = Ty.unitEnum("sp_runtime::TokenError", "FundsUnavailable", "OnlyProvider",
            "BelowMinimum", "CannotCreate", "UnknownAsset", "Frozen", "Unsupported", "CannotCreateHold",
            "NotExpendable", "Blocked");
    public static final Ty ARITHMETIC_ERROR = Ty.unitEnum("sp_arithmetic::ArithmeticError", "Underflow", "Overflow",
            "DivisionByZero");
    public static final Ty TRANSACTIONAL_ERROR = Ty.unitEnum("sp_runtime::TransactionalError", "LimitReached",
            "NoLayer");
    /** {@code sp_runtime::DispatchError}, the layout of {@link org.hamster.chain.DispatchError}. */
    public static final Ty DISPATCH_ERROR = new Variant(path("sp_runtime::DispatchError"), List.of(), List.of(
            unit("Other", 0), unit("CannotLookup", 1), unit("BadOrigin", 2),
            new Case("Module", List.of(field(MODULE_ERROR, "ModuleError")), 3, List.of()),
            unit("ConsumerRemaining", 4), unit("NoProviders", 5), unit("TooManyConsumers", 6),
            new Case("Token", List.of(field(TOKEN_ERROR, "TokenError")), 7, List.of()),
            new Case("Arithmetic", List.of(field(ARITHMETIC_ERROR, "ArithmeticError")), 8, List.of()),
            new Case("Transactional", List.of(field(TRANSACTIONAL_ERROR, "TransactionalError")), 9, List.of()),
            unit("Exhausted", 10), unit("Corruption", 11), unit("Unavailable", 12), unit("RootNotAllowed", 13)),
            List.of());
    /** {@code DispatchResult = Result<(), DispatchError>}. */
    public static final Ty DISPATCH_RESULT = result(UNIT, DISPATCH_ERROR);
    /** The runtime's outer call enum (one variant per pallet, at the pallet's index). */
    public static final Ty RUNTIME_CALL = new Ty.Ref("RuntimeCall");
    /** The runtime's outer event enum. */
    public static final Ty RUNTIME_EVENT = new Ty.Ref("RuntimeEvent");

    /** {@code frame_system::Phase}: when in the block an event was deposited. */
    public static final Ty PHASE = new Variant(path("frame_system::Phase"), List.of(), List.of(
            new Case("ApplyExtrinsic", List.of(field(U32, "u32")), 0, List.of()), unit("Finalization", 1),
            unit("Initialization", 2)), List.of());
    /**
     * {@code frame_system::EventRecord<RuntimeEvent, H256>}, the element of System.Events (its storage value is
     * {@code vec(EVENT_RECORD)}); polkadot.js takes the runtime's event type from its first parameter.
     */
    public static final Ty EVENT_RECORD = new Composite(path("frame_system::EventRecord"),
            List.of(new Param("E", RUNTIME_EVENT), new Param("T", H256)), List.of(
                    field("phase", PHASE, "Phase"), field("event", RUNTIME_EVENT, "E"),
                    field("topics", new Ty.Seq(H256), "Vec<T>")), List.of());

    private StdTypes() {
    }

    /** {@code Option<T>}: 0x00 None, 0x01 then T. */
    public static Ty option(Ty t) {
        return new Variant(List.of("Option"), List.of(new Param("T", t)),
                List.of(unit("None", 0), new Case("Some", List.of(field(t, null)), 1, List.of())), List.of());
    }

    /** {@code Result<T, E>}: 0x00 then T, 0x01 then E. */
    public static Ty result(Ty ok, Ty err) {
        return new Variant(List.of("Result"), List.of(new Param("T", ok), new Param("E", err)),
                List.of(new Case("Ok", List.of(field(ok, null)), 0, List.of()),
                        new Case("Err", List.of(field(err, null)), 1, List.of())), List.of());
    }

    /** {@code Vec<T>}. */
    public static Ty vec(Ty t) {
        return new Ty.Seq(t);
    }

    private static Case unit(String name, int index) {
        return new Case(name, List.of(), index, List.of());
    }
}
