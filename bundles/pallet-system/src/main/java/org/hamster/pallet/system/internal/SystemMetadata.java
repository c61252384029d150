package org.hamster.pallet.system.internal;

import static org.hamster.chain.spi.meta.StdTypes.ACCOUNT_ID;
import static org.hamster.chain.spi.meta.StdTypes.BLOCK_NUMBER;
import static org.hamster.chain.spi.meta.StdTypes.BYTES;
import static org.hamster.chain.spi.meta.StdTypes.DISPATCH_ERROR;
import static org.hamster.chain.spi.meta.StdTypes.DISPATCH_INFO;
import static org.hamster.chain.spi.meta.StdTypes.H256;
import static org.hamster.chain.spi.meta.StdTypes.U128;
import static org.hamster.chain.spi.meta.StdTypes.U16;
import static org.hamster.chain.spi.meta.StdTypes.U32;
import static org.hamster.chain.spi.meta.Ty.field;

import java.util.List;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleWriter;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.SystemError;
import org.hamster.pallet.system.SystemStorage;

/**
 * frame_system as the metadata describes it: exactly what {@code SystemCall}, {@code SystemEvent},
 * {@code SystemError} and {@code SystemStorage} encode, with Substrate's names, types and paths.
 */
final class SystemMetadata {
    /** {@code pallet_balances::types::ExtraFlags(u128)}. */
    static final Ty EXTRA_FLAGS = new Ty.Composite(Ty.path("pallet_balances::types::ExtraFlags"), List.of(),
            List.of(field(U128, "u128")), List.of());
    /** {@code pallet_balances::types::AccountData<u128>}: what System.Account keeps as {@code data}. */
    static final Ty ACCOUNT_DATA = new Ty.Composite(Ty.path("pallet_balances::types::AccountData"),
            List.of(new Ty.Param("Balance", U128)), List.of(field("free", U128, "Balance"),
                    field("reserved", U128, "Balance"), field("frozen", U128, "Balance"),
                    field("flags", EXTRA_FLAGS, "ExtraFlags")), List.of());
    /** {@code frame_system::AccountInfo<u32, AccountData>} (80 bytes). */
    static final Ty ACCOUNT_INFO = new Ty.Composite(Ty.path("frame_system::AccountInfo"),
            List.of(new Ty.Param("Nonce", U32), new Ty.Param("AccountData", ACCOUNT_DATA)),
            List.of(field("nonce", U32, "Nonce"), field("consumers", U32, "RefCount"),
                    field("providers", U32, "RefCount"), field("sufficients", U32, "RefCount"),
                    field("data", ACCOUNT_DATA, "AccountData")), List.of());
    private static final byte[] NONE = {0};

    private SystemMetadata() {
    }

    static PalletMeta build(long blockHashCount, int ss58Prefix) {
        PalletMeta.Builder b = PalletMeta.builder(SystemStorage.PALLET);
        b.call(0, "remark", "Makes some on-chain remark.", field("remark", BYTES, "Vec<u8>"))
                .call(7, "remark_with_event", "Makes some on-chain remark and emits an event.",
                        field("remark", BYTES, "Vec<u8>"));
        b.event(0, "ExtrinsicSuccess", "An extrinsic completed successfully.",
                        field("dispatch_info", DISPATCH_INFO, "DispatchInfo"))
                .event(1, "ExtrinsicFailed", "An extrinsic failed.",
                        field("dispatch_error", DISPATCH_ERROR, "DispatchError"),
                        field("dispatch_info", DISPATCH_INFO, "DispatchInfo"))
                .event(3, "NewAccount", "A new account was created.", field("account", ACCOUNT_ID, "T::AccountId"))
                .event(4, "KilledAccount", "An account was reaped.", field("account", ACCOUNT_ID, "T::AccountId"))
                .event(5, "Remarked", "An on-chain remark happened.", field("sender", ACCOUNT_ID, "T::AccountId"),
                        field("hash", H256, "T::Hash"));
        b.errors(SystemError.class);
        b.map(SystemStorage.ACCOUNT, Modifier.DEFAULT, ACCOUNT_ID, ACCOUNT_INFO,
                        AccountInfo.CODEC.encode(AccountInfo.EMPTY),
                        "The full account information for a particular account ID.")
                .value(SystemStorage.EXTRINSIC_COUNT, Modifier.OPTIONAL, U32, NONE,
                        "Total extrinsics count for the current block.")
                .map(SystemStorage.BLOCK_HASH, Modifier.DEFAULT, BLOCK_NUMBER, H256,
                        org.hamster.chain.H256.CODEC.encode(org.hamster.chain.H256.ZERO),
                        "Map of block numbers to block hashes.")
                .value(SystemStorage.NUMBER, Modifier.DEFAULT, BLOCK_NUMBER, Codecs.U32.encode(0L),
                        "The current block number being processed. Set by `execute_block`.")
                .value(SystemStorage.PARENT_HASH, Modifier.DEFAULT, H256,
                        org.hamster.chain.H256.CODEC.encode(org.hamster.chain.H256.ZERO),
                        "Hash of the previous block.")
                .value(SystemStorage.EVENTS, Modifier.DEFAULT, StdTypes.vec(StdTypes.EVENT_RECORD),
                        new ScaleWriter().compact(0).toByteArray(),
                        "Events deposited for the current block.")
                .value(SystemStorage.EVENT_COUNT, Modifier.DEFAULT, U32, Codecs.U32.encode(0L),
                        "The number of events in the `Events<T>` list.");
        b.constant("BlockHashCount", BLOCK_NUMBER, Codecs.U32.encode(blockHashCount),
                        "Maximum number of block number to block hash mappings to keep (oldest pruned first).")
                .constant("SS58Prefix", U16, new ScaleWriter().u16(ss58Prefix).toByteArray(),
                        "The designated SS58 prefix of this chain.");
        return b.build();
    }
}
