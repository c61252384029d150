package org.hamster.chain.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.CallDecoder;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.ModuleError;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.Pallet;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.chain.spi.RuntimeContext;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.StorageValue;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.StdTypes;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.Codecs;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.junit.jupiter.api.Test;

/** The checker accepts a faithful description and names each kind of mismatch in an unfaithful one. */
class MetadataConformanceTest {
    sealed interface ShopCall extends Call permits Buy, Gift {
    }

    record Buy(long item, BigInteger price) implements ShopCall {
        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u32(item).compact(price);
        }
    }

    record Gift(AccountId to, byte[] call) implements ShopCall {
        public int callIndex() {
            return 2;
        }

        public void encodeArgs(ScaleWriter w) {
            w.bytes(to.publicKey()).bytes(call);
        }
    }

    enum Speed { SLOW, FAST, FASTER }

    sealed interface SpeedCall extends Call permits SetSpeed {
    }

    record SetSpeed(Speed speed) implements SpeedCall {
        public int callIndex() {
            return 0;
        }

        public void encodeArgs(ScaleWriter w) {
            w.u8(speed.ordinal());
        }
    }

    sealed interface ShopEvent extends PalletEvent permits Sold {
    }

    record Sold(AccountId buyer, long item) implements ShopEvent {
        public String pallet() {
            return "Shop";
        }

        public int eventIndex() {
            return 0;
        }

        public void encodeFields(ScaleWriter w) {
            w.bytes(buyer.publicKey()).u32(item);
        }
    }

    enum ShopError implements ModuleError {
        SoldOut, TooPoor;

        public String pallet() {
            return "Shop";
        }

        public int index() {
            return ordinal();
        }
    }

    static final class Storage {
        public static final StorageValue<Long> SALES = new StorageValue<>("Shop", "Sales", Codecs.U64);
        public static final StorageMap<Long, BigInteger> PRICES = new StorageMap<>("Shop", "Prices",
                Hasher.TWOX_64_CONCAT, Codecs.U32, Codecs.U128);
    }

    /** A pallet whose metadata is {@code tweak} of the faithful one. */
    static Pallet shop(UnaryOperator<PalletMeta.Builder> tweak) {
        return new Pallet() {
            public String name() {
                return "Shop";
            }

            public int version() {
                return 1;
            }

            public Call decodeCall(int callIndex, ScaleReader args, CallDecoder calls) {
                throw new UnsupportedOperationException();
            }

            public void dispatch(RuntimeContext ctx, Origin origin, Call call) {
            }

            public void skipEventFields(int eventIndex, ScaleReader r) {
                r.bytes(32);
                r.u32();
            }

            @Override
            public PalletMeta metadata() {
                PalletMeta.Builder b = PalletMeta.builder("Shop").errors(ShopError.class)
                        .event(0, "Sold", "An item was sold.", Ty.field("buyer", StdTypes.ACCOUNT_ID, "AccountId"),
                                Ty.field("item", StdTypes.U32, "u32"))
                        .value(Storage.SALES, PalletMeta.Modifier.DEFAULT, StdTypes.U64, new byte[8], "Items sold.")
                        .constant("MaxItems", StdTypes.U32, new ScaleWriter().u32(9).toByteArray(), "");
                return tweak.apply(b).build();
            }
        };
    }

    static PalletMeta.Builder faithful(PalletMeta.Builder b) {
        return b.call(0, "buy", "", Ty.field("item", StdTypes.U32, "u32"),
                        Ty.field("price", StdTypes.COMPACT_BALANCE, "Balance"))
                .call(2, "gift", "", Ty.field("to", StdTypes.ACCOUNT_ID, "AccountId"),
                        Ty.field("call", StdTypes.RUNTIME_CALL, "Box<RuntimeCall>"))
                .map(Storage.PRICES, PalletMeta.Modifier.OPTIONAL, StdTypes.U32, StdTypes.U128, new byte[] {0}, "");
    }

    private static MetadataConformance check(Pallet p) {
        return MetadataConformance.of(p).calls(ShopCall.class).events(ShopEvent.class).errors(ShopError.class)
                .storage(Storage.class).sample(Storage.PRICES, 7L, BigInteger.TEN).sample(Storage.SALES, 3L)
                .constants();
    }

    @Test
    void aFaithfulDescriptionPasses() {
        check(shop(MetadataConformanceTest::faithful)).verify();
    }

    @Test
    void eachMismatchIsNamed() {
        Pallet wrong = shop(b -> b.call(0, "buy", "", Ty.field("item", StdTypes.U64, "u64"),
                        Ty.field("price", StdTypes.BALANCE, "Balance"))
                .map(Storage.PRICES, PalletMeta.Modifier.OPTIONAL, StdTypes.U32, StdTypes.U64, new byte[] {0}, ""));
        String report = assertThrows(AssertionError.class, () -> check(wrong).verify()).getMessage();
        assertTrue(report.contains("call Buy (0) -> buy"), report);
        assertTrue(report.contains("call Gift (2): no variant 2"), report);
        assertTrue(report.contains("storage Prices value"), report);
    }

    @Test
    void swappedFieldsAndMissingSamplesAreFound() {
        Pallet swapped = shop(b -> b.call(0, "buy", "", Ty.field("item", StdTypes.U32, "u32"),
                        Ty.field("price", StdTypes.COMPACT_BALANCE, "Balance"))
                .call(2, "gift", "", Ty.field("to", StdTypes.ACCOUNT_ID, "AccountId"),
                        Ty.field("call", StdTypes.RUNTIME_CALL, null))
                .map(Storage.PRICES, PalletMeta.Modifier.OPTIONAL, StdTypes.U32, StdTypes.U128, new byte[] {0}, ""));
        MetadataConformance c = MetadataConformance.of(swapped).calls(ShopCall.class, new Buy(5, BigInteger.valueOf(6)))
                .storage(Storage.class);
        String report = assertThrows(AssertionError.class, c::verify).getMessage();
        assertTrue(report.contains("storage map Prices has no sample"), report);
        Pallet hasher = shop(b -> faithful(b).map(new StorageMap<>("Shop", "Other", Hasher.BLAKE2_128_CONCAT,
                Codecs.U32, Codecs.U32), PalletMeta.Modifier.OPTIONAL, StdTypes.U32, StdTypes.U32, new byte[] {0}, ""));
        String extra = assertThrows(AssertionError.class, () -> check(hasher).verify()).getMessage();
        assertTrue(extra.contains("storage Other is in the metadata but not in Storage"), extra);
        List.of(report, extra).forEach(r -> assertTrue(r.startsWith("Shop metadata"), r));
    }

    @Test
    void anEnumIsCheckedAsAWholeNotOnlyTheSampledConstant() {
        Ty swapped = Ty.unitEnum("pallet_shop::types::Speed", "Fast", "Slow", "Faster"); // the sample is FASTER
        Pallet p = shop(b -> b.call(0, "set_speed", "", Ty.field("speed", swapped, "Speed")));
        String report = assertThrows(AssertionError.class, () -> MetadataConformance.of(p).calls(SpeedCall.class)
                .verify()).getMessage();
        assertTrue(report.contains("Speed.SLOW is written as 0, the metadata's variant 0 is Fast"), report);
        Ty right = Ty.unitEnum("pallet_shop::types::Speed", "Slow", "Fast", "Faster");
        MetadataConformance.of(shop(b -> b.call(0, "set_speed", "", Ty.field("speed", right, "Speed"))))
                .calls(SpeedCall.class).verify();
    }
}
