package org.hamster.metadata;

import static org.hamster.chain.spi.meta.StdTypes.ACCOUNT_ID;
import static org.hamster.chain.spi.meta.StdTypes.BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.COMPACT_BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.U32;
import static org.hamster.chain.spi.meta.StdTypes.U64;

import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.ModuleError;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.StorageValue;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleWriter;

/** Small pallets like ours (a balances-like one and a sudo-like one) for the metadata tests. */
final class SamplePallets {
    static final StorageValue<BigInteger> TOTAL = new StorageValue<>("Bank", "TotalIssuance", Codecs.U128);
    static final StorageMap<AccountId, BigInteger> HOLDS = new StorageMap<>("Bank", "Holds",
            Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, Codecs.U128);
    static final StorageMap<byte[], Long> EXPIRIES = new StorageMap<>("Bank", "Expiries", Hasher.IDENTITY,
            Codecs.fixed(16), Codecs.U64);
    static final StorageValue<AccountId> KEY = new StorageValue<>("Sudo", "Key", AccountId.CODEC);

    enum BankError implements ModuleError {
        InsufficientBalance(0), Dead(3);

        private final int index;

        BankError(int index) {
            this.index = index;
        }

        @Override
        public String pallet() {
            return "Bank";
        }

        @Override
        public int index() {
            return index;
        }
    }

    private SamplePallets() {
    }

    static PalletMeta bank() {
        return PalletMeta.builder("Bank")
                .call(0, "transfer", "Moves funds.", Ty.field("dest", StdTypes.MULTI_ADDRESS, "AccountIdLookupOf<T>"),
                        Ty.field("value", COMPACT_BALANCE, "T::Balance"))
                .call(3, "burn", null, Ty.field("value", COMPACT_BALANCE, "T::Balance"))
                .event(0, "Transfer", "Funds moved.", Ty.field("from", ACCOUNT_ID, "T::AccountId"),
                        Ty.field("to", ACCOUNT_ID, "T::AccountId"), Ty.field("amount", BALANCE, "T::Balance"))
                .event(1, "Failed", null, Ty.field("error", StdTypes.DISPATCH_ERROR, "DispatchError"),
                        Ty.field("info", StdTypes.DISPATCH_INFO, "DispatchInfo"))
                .errors(BankError.class)
                .value(TOTAL, Modifier.DEFAULT, BALANCE, new byte[16], "Total issuance.")
                .map(HOLDS, Modifier.OPTIONAL, ACCOUNT_ID, StdTypes.option(BALANCE), new byte[0], null)
                .nmap(EXPIRIES, Modifier.DEFAULT, List.of(Hasher.IDENTITY, Hasher.IDENTITY),
                        List.of(new Ty.Arr(8, StdTypes.U8), U64), U64, new byte[8], null)
                .constant("ExistentialDeposit", BALANCE, new ScaleWriter().u128(BigInteger.TEN.pow(9)).toByteArray(),
                        "The minimum balance.")
                .constant("MaxHolds", U32, new ScaleWriter().u32(50).toByteArray(), null)
                .build();
    }

    static PalletMeta sudo() {
        return PalletMeta.builder("Sudo")
                .call(0, "sudo", "Dispatches a call as root.", Ty.field("call", StdTypes.RUNTIME_CALL,
                        "Box<<T as Config>::RuntimeCall>"))
                .event(0, "Sudid", null, Ty.field("sudo_result", StdTypes.DISPATCH_RESULT, "DispatchResult"))
                .value(KEY, Modifier.OPTIONAL, ACCOUNT_ID, new byte[] {0}, null)
                .build();
    }

    static PalletMeta timestamp() {
        return PalletMeta.builder("Timestamp")
                .call(0, "set", null, Ty.field("now", new Ty.Compact(U64), "T::Moment"))
                .constant("MinimumPeriod", U64, new ScaleWriter().u64(1).toByteArray(), null)
                .build();
    }

    /** A runtime: Timestamp 1, Bank 2, Sudo 4 (given out of order). */
    static List<IndexedPallet> runtime() {
        return List.of(new IndexedPallet(4, "Sudo", sudo()), new IndexedPallet(1, "Timestamp", timestamp()),
                new IndexedPallet(2, "Bank", bank()));
    }
}
