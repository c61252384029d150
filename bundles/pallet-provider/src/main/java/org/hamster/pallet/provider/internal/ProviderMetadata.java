package org.hamster.pallet.provider.internal;

import static org.hamster.chain.spi.meta.StdTypes.ACCOUNT_ID;
import static org.hamster.chain.spi.meta.StdTypes.BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.BYTES;
import static org.hamster.chain.spi.meta.StdTypes.COMPACT_BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.MOMENT;
import static org.hamster.chain.spi.meta.StdTypes.U128;
import static org.hamster.chain.spi.meta.StdTypes.U32;
import static org.hamster.chain.spi.meta.StdTypes.U64;
import static org.hamster.chain.spi.meta.StdTypes.U8;
import static org.hamster.chain.spi.meta.StdTypes.UNIT;
import static org.hamster.chain.spi.meta.StdTypes.option;
import static org.hamster.chain.spi.meta.StdTypes.vec;
import static org.hamster.chain.spi.meta.Ty.field;

import java.util.List;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.Codecs;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.ProviderStorage;

/**
 * The Provider pallet's metadata: exactly the layouts of {@link org.hamster.pallet.provider.ProviderCall},
 * {@link org.hamster.pallet.provider.ProviderEvent}, {@link ProviderError}, {@link ProviderStorage} and the
 * configured {@link ProviderConfig}.
 */
final class ProviderMetadata {
    /** The encoded None that Optional storage entries declare as their default. */
    private static final byte[] NONE = {0};

    private ProviderMetadata() {
    }

    static PalletMeta of(ProviderConfig cfg) {
        PalletMeta.Builder b = PalletMeta.builder(ProviderStorage.PALLET);
        Ty optionalText = option(BYTES);
        Ty status = Ty.unitEnum(b.typePath("ResourceStatus"), "Inuse", "Locked", "Unused", "Offline");
        Ty config = Ty.struct(b.typePath("ResourceConfig"),
                field("cpu", U64, "u64"),
                field("memory_gib", U64, "u64"),
                field("disk_gib", U64, "u64"),
                field("system", BYTES, "Vec<u8>"),
                field("cpu_model", BYTES, "Vec<u8>"),
                field("gpu", optionalText, "Option<Vec<u8>>"),
                field("region", optionalText, "Option<Vec<u8>>"));
        Ty resource = Ty.struct(b.typePath("Resource"),
                field("id", U64, "u64"),
                field("owner", ACCOUNT_ID, "T::AccountId"),
                field("peer_id", BYTES, "Vec<u8>"),
                field("config", config, "ResourceConfig"),
                field("price_per_hour", BALANCE, "BalanceOf<T>"),
                field("rentable_hours", U32, "u32"),
                field("registered_at", MOMENT, "T::Moment"),
                field("end_of_rent", MOMENT, "T::Moment"),
                field("status", status, "ResourceStatus"));
        Ty statistics = Ty.struct(b.typePath("ProviderStatistics"),
                field("rentals", U64, "u64"),
                field("rented_hours", U64, "u64"),
                field("faults", U64, "u64"),
                field("last_fault_at", MOMENT, "T::Moment"));

        b.call(0, "register_resource", "Lists a machine for rent (memory and disk in GiB; gpu and region optional).",
                field("peer_id", BYTES, "Vec<u8>"),
                field("cpu", U64, "u64"),
                field("memory_gib", U64, "u64"),
                field("disk_gib", U64, "u64"),
                field("system", BYTES, "Vec<u8>"),
                field("cpu_model", BYTES, "Vec<u8>"),
                field("price_per_hour", COMPACT_BALANCE, "BalanceOf<T>"),
                field("rentable_hours", U32, "u32"),
                field("gpu", optionalText, "Option<Vec<u8>>"),
                field("region", optionalText, "Option<Vec<u8>>"))
         .call(1, "modify_resource_price", "Sets the price of future orders and renewals.",
                field("resource", U64, "u64"), field("price_per_hour", COMPACT_BALANCE, "BalanceOf<T>"))
         .call(2, "add_resource_duration", "Moves the end of rent `hours` later.",
                field("resource", U64, "u64"), field("hours", U32, "u32"))
         .call(3, "remove_resource", "Delists an Unused or Offline resource.", field("resource", U64, "u64"))
         .call(4, "relist", "Offline -> Unused.", field("resource", U64, "u64"))
         .call(5, "offline", "Unused -> Offline: the owner takes its machine off the market.",
                field("resource", U64, "u64"));

        b.event(0, "ResourceRegistered", "A resource was listed.",
                field("resource", U64, "u64"), field("owner", ACCOUNT_ID, "T::AccountId"),
                field("peer_id", BYTES, "Vec<u8>"), field("price_per_hour", BALANCE, "BalanceOf<T>"),
                field("end_of_rent", MOMENT, "T::Moment"))
         .event(1, "ResourcePriceChanged", "The owner changed the price per hour.",
                field("resource", U64, "u64"), field("owner", ACCOUNT_ID, "T::AccountId"),
                field("price_per_hour", BALANCE, "BalanceOf<T>"))
         .event(2, "ResourceDurationAdded", "The owner moved the end of rent later.",
                field("resource", U64, "u64"), field("owner", ACCOUNT_ID, "T::AccountId"),
                field("hours", U32, "u32"), field("end_of_rent", MOMENT, "T::Moment"))
         .event(3, "ResourceRemoved", "The owner delisted the resource.",
                field("resource", U64, "u64"), field("owner", ACCOUNT_ID, "T::AccountId"))
         .event(4, "ResourceRelisted", "Offline -> Unused by the owner.",
                field("resource", U64, "u64"), field("owner", ACCOUNT_ID, "T::AccountId"))
         .event(5, "ResourceStatusChanged", "An order or lease moved the resource to `status`.",
                field("resource", U64, "u64"), field("status", status, "ResourceStatus"))
         .event(6, "ResourceExpired", "The listing reached its end of rent and was removed.",
                field("resource", U64, "u64"), field("owner", ACCOUNT_ID, "T::AccountId"))
         .event(7, "ResourceOffline", "Unused -> Offline by the owner.",
                field("resource", U64, "u64"), field("owner", ACCOUNT_ID, "T::AccountId"));

        b.errors(ProviderError.class);

        b.value(ProviderStorage.NEXT_RESOURCE_ID, Modifier.DEFAULT, U64,
                ProviderStorage.NEXT_RESOURCE_ID.codec().encode(0L), "The id the next registration gets.")
         .value(ProviderStorage.RESOURCE_COUNT, Modifier.DEFAULT, U64,
                ProviderStorage.RESOURCE_COUNT.codec().encode(0L), "Resources listed now.")
         .map(ProviderStorage.RESOURCES, Modifier.OPTIONAL, U64, resource, NONE, "Listed resources by id.")
         .map(ProviderStorage.PROVIDER_RESOURCES, Modifier.DEFAULT, ACCOUNT_ID, vec(U64),
                ProviderStorage.PROVIDER_RESOURCES.valueCodec().encode(List.of()),
                "An owner's resource ids, in registration order.")
         .map(ProviderStorage.PROVIDER_STATS, Modifier.DEFAULT, ACCOUNT_ID, statistics,
                ProviderStorage.PROVIDER_STATS.valueCodec().encode(ProviderStatistics.EMPTY),
                "A provider's track record.")
         .nmap(ProviderStorage.LISTING_EXPIRIES, Modifier.OPTIONAL, List.of(Hasher.IDENTITY, Hasher.IDENTITY),
                List.of(new Ty.Arr(8, U8), U64), UNIT, NONE,
                "End-of-listing schedule: (slot as 8 big-endian bytes, resource id).");

        b.constant("HourMs", U64, Codecs.U64.encode(cfg.hourMs()), "Milliseconds in one rentable hour.")
         .constant("SlotMs", U64, Codecs.U64.encode(cfg.slotMs()), "Granularity of the end-of-listing schedule, ms.")
         .constant("MaxScheduledPerBlock", U32, Codecs.U32.encode((long) cfg.maxScheduledPerBlock()),
                "Schedule entries handled per block at most.")
         .constant("MaxCpu", U64, Codecs.U64.encode(cfg.maxCpu()), "Upper bound of cpu.")
         .constant("MaxMemoryGiB", U64, Codecs.U64.encode(cfg.maxMemoryGiB()), "Upper bound of memory, GiB.")
         .constant("MaxDiskGiB", U64, Codecs.U64.encode(cfg.maxDiskGiB()), "Upper bound of disk, GiB.")
         .constant("MaxTextLength", U32, Codecs.U32.encode((long) cfg.maxTextLength()),
                "Bytes of system, cpu_model, gpu and region at most.")
         .constant("MaxPeerIdLength", U32, Codecs.U32.encode((long) cfg.maxPeerIdLength()),
                "Characters of the peer id at most.")
         .constant("MinPricePerHour", U128, Codecs.U128.encode(cfg.minPricePerHour()),
                "Lowest price per hour, planck.")
         .constant("MaxRentableHours", U64, Codecs.U64.encode(cfg.maxRentableHours()),
                "Hours a listing may reach ahead of now.")
         .constant("MaxResourcesPerProvider", U32, Codecs.U32.encode((long) cfg.maxResourcesPerProvider()),
                "Resources one account may list at once.");
        return b.build();
    }
}
