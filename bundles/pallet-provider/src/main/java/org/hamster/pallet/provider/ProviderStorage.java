package org.hamster.pallet.provider;

import java.util.List;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.StorageValue;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;

/**
 * The Provider pallet's storage, at Substrate keys {@code twox128("Provider") ++ twox128(item) ++ hasher(key)}.
 * <ul>
 * <li>{@code NextResourceId: u64} the id the next registration gets (ids are never reused);</li>
 * <li>{@code ResourceCount: u64} resources listed now;</li>
 * <li>{@code Resources: Twox64Concat(u64) -> Resource};</li>
 * <li>{@code ProviderResources: Blake2_128Concat(AccountId) -> Vec<u64>} an owner's resource ids, in
 * registration order, at most maxResourcesPerProvider;</li>
 * <li>{@code ProviderStats: Blake2_128Concat(AccountId) -> ProviderStatistics};</li>
 * <li>{@code ListingExpiries: Identity(ListingExpiry) -> ()} the end-of-listing schedule. The key is the slot
 * ({@code endOfRent} rounded up to a multiple of slotMs, divided by slotMs) as 8 big-endian bytes followed by
 * the resource id (u64, SCALE), so keys sort by due time and the hook reads the due ones first.</li>
 * </ul>
 */
public final class ProviderStorage {
    public static final String PALLET = "Provider";

    /** A ListingExpiries key: the resource's listing ends in {@code slot}. */
    public record ListingExpiry(long slot, long resource) {
        public static final Codec<ListingExpiry> CODEC = Codecs.of((w, k) -> {
            for (int i = 7; i >= 0; i--) {
                w.u8((int) (k.slot >>> (8 * i)));
            }
            w.u64(k.resource);
        }, r -> {
            long slot = 0;
            for (int i = 0; i < 8; i++) {
                slot = (slot << 8) | r.u8();
            }
            return new ListingExpiry(slot, r.u64());
        });
    }

    /** The value of a set-like map: {@code ()}, no bytes. */
    public static final Codec<byte[]> UNIT = Codecs.fixed(0);

    public static final StorageValue<Long> NEXT_RESOURCE_ID = new StorageValue<>(PALLET, "NextResourceId",
            Codecs.U64);
    public static final StorageValue<Long> RESOURCE_COUNT = new StorageValue<>(PALLET, "ResourceCount", Codecs.U64);
    public static final StorageMap<Long, Resource> RESOURCES = new StorageMap<>(PALLET, "Resources",
            Hasher.TWOX_64_CONCAT, Codecs.U64, Resource.CODEC);
    public static final StorageMap<AccountId, List<Long>> PROVIDER_RESOURCES = new StorageMap<>(PALLET,
            "ProviderResources", Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, Codecs.vec(Codecs.U64));
    public static final StorageMap<AccountId, ProviderStatistics> PROVIDER_STATS = new StorageMap<>(PALLET,
            "ProviderStats", Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, ProviderStatistics.CODEC);
    public static final StorageMap<ListingExpiry, byte[]> LISTING_EXPIRIES = new StorageMap<>(PALLET,
            "ListingExpiries", Hasher.IDENTITY, ListingExpiry.CODEC, UNIT);

    private ProviderStorage() {
    }
}
