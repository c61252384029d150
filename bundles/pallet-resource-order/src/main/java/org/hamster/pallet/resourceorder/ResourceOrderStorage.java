package org.hamster.pallet.resourceorder;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.PalletId;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.StorageValue;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;

/**
 * The ResourceOrder pallet's storage, at Substrate keys {@code twox128("ResourceOrder") ++ twox128(item) ++
 * hasher(key)}.
 * <ul>
 * <li>{@code NextOrderId: u64}, {@code Orders: Twox64Concat(u64) -> Order};</li>
 * <li>{@code NextAgreementId: u64}, {@code Agreements: Twox64Concat(u64) -> RentalAgreement};</li>
 * <li>{@code Pledges: Blake2_128Concat(AccountId) -> PledgeInfo};</li>
 * <li>{@code Refunds: Blake2_128Concat(AccountId) -> u128} refunds a tenant can claim (held in escrow);</li>
 * <li>{@code TenantOrders}, {@code ProviderOrders}, {@code TenantAgreements}, {@code ProviderAgreements}:
 * {@code Identity(AccountIndex) -> ()}, key = account (32 bytes) ++ id (u64): list an account's entries with the
 * key prefix {@code map prefix ++ account} (state_getKeysPaged). Entries go when the order/agreement is purged;</li>
 * <li>{@code Schedule: Identity(ScheduledTask) -> ()} timeouts, health checks, lease ends and purges, keys sorted by
 * due slot.</li>
 * </ul>
 * Money in flight is held by the escrow account {@link #ESCROW} (PalletId "hm/order"), endowed with the
 * existential deposit at genesis so that it is never reaped.
 */
public final class ResourceOrderStorage {
    public static final String PALLET = "ResourceOrder";
    /** The escrow account: PalletId {@code hm/order}. */
    public static final AccountId ESCROW = PalletId.account("hm/order");

    /** An account-index key: {@code account} has entry {@code id}. */
    public record AccountIndex(AccountId account, long id) {
        public static final Codec<AccountIndex> CODEC = Codecs.of((w, k) -> {
            AccountId.CODEC.encode(w, k.account);
            w.u64(k.id);
        }, r -> new AccountIndex(AccountId.CODEC.decode(r), r.u64()));
    }

    /** The value of a set-like map: {@code ()}, no bytes. */
    public static final Codec<byte[]> UNIT = Codecs.fixed(0);

    public static final StorageValue<Long> NEXT_ORDER_ID = new StorageValue<>(PALLET, "NextOrderId", Codecs.U64);
    public static final StorageMap<Long, Order> ORDERS = new StorageMap<>(PALLET, "Orders", Hasher.TWOX_64_CONCAT,
            Codecs.U64, Order.CODEC);
    public static final StorageValue<Long> NEXT_AGREEMENT_ID = new StorageValue<>(PALLET, "NextAgreementId",
            Codecs.U64);
    public static final StorageMap<Long, RentalAgreement> AGREEMENTS = new StorageMap<>(PALLET, "Agreements",
            Hasher.TWOX_64_CONCAT, Codecs.U64, RentalAgreement.CODEC);
    public static final StorageMap<AccountId, PledgeInfo> PLEDGES = new StorageMap<>(PALLET, "Pledges",
            Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, PledgeInfo.CODEC);
    public static final StorageMap<AccountId, BigInteger> REFUNDS = new StorageMap<>(PALLET, "Refunds",
            Hasher.BLAKE2_128_CONCAT, AccountId.CODEC, Codecs.U128);
    public static final StorageMap<AccountIndex, byte[]> TENANT_ORDERS = index("TenantOrders");
    public static final StorageMap<AccountIndex, byte[]> PROVIDER_ORDERS = index("ProviderOrders");
    public static final StorageMap<AccountIndex, byte[]> TENANT_AGREEMENTS = index("TenantAgreements");
    public static final StorageMap<AccountIndex, byte[]> PROVIDER_AGREEMENTS = index("ProviderAgreements");
    public static final StorageMap<ScheduledTask, byte[]> SCHEDULE = new StorageMap<>(PALLET, "Schedule",
            Hasher.IDENTITY, ScheduledTask.CODEC, UNIT);

    private ResourceOrderStorage() {
    }

    private static StorageMap<AccountIndex, byte[]> index(String item) {
        return new StorageMap<>(PALLET, item, Hasher.IDENTITY, AccountIndex.CODEC, UNIT);
    }

    /** The key prefix under which {@code map} lists the entries of {@code account}. */
    public static byte[] prefixOf(StorageMap<AccountIndex, byte[]> map, AccountId account) {
        byte[] p = map.prefix();
        byte[] a = account.publicKey();
        byte[] out = java.util.Arrays.copyOf(p, p.length + a.length);
        System.arraycopy(a, 0, out, p.length, a.length);
        return out;
    }
}
