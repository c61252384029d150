package org.hamster.pallet.resourceorder.internal;

import static org.hamster.chain.spi.meta.StdTypes.ACCOUNT_ID;
import static org.hamster.chain.spi.meta.StdTypes.BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.BOOL;
import static org.hamster.chain.spi.meta.StdTypes.BYTES;
import static org.hamster.chain.spi.meta.StdTypes.COMPACT_BALANCE;
import static org.hamster.chain.spi.meta.StdTypes.MOMENT;
import static org.hamster.chain.spi.meta.StdTypes.U32;
import static org.hamster.chain.spi.meta.StdTypes.U64;
import static org.hamster.chain.spi.meta.StdTypes.U8;
import static org.hamster.chain.spi.meta.StdTypes.UNIT;
import static org.hamster.chain.spi.meta.StdTypes.option;
import static org.hamster.chain.spi.meta.Ty.field;

import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.spi.Hasher;
import org.hamster.chain.spi.StorageMap;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.spi.meta.PalletMeta.Modifier;
import org.hamster.chain.spi.meta.Ty;
import org.hamster.codec.Codecs;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;

/**
 * The ResourceOrder pallet's metadata: exactly the layouts of
 * {@link org.hamster.pallet.resourceorder.ResourceOrderCall}, {@link org.hamster.pallet.resourceorder.ResourceOrderEvent},
 * {@link ResourceOrderError}, {@link ResourceOrderStorage} and the configured {@link OrderConfig}.
 */
final class OrderMetadata {
    /** The encoded None that Optional storage entries declare as their default. */
    private static final byte[] NONE = {0};

    private OrderMetadata() {
    }

    static PalletMeta of(OrderConfig cfg) {
        PalletMeta.Builder b = PalletMeta.builder(ResourceOrderStorage.PALLET);
        Ty orderStatus = Ty.unitEnum(b.typePath("OrderStatus"), "Pending", "Finished", "Canceled");
        Ty agreementStatus = Ty.unitEnum(b.typePath("AgreementStatus"), "Using", "Finished", "Punished");
        Ty taskKind = Ty.unitEnum(b.typePath("TaskKind"), "OrderTimeout", "HealthCheck", "AgreementEnd",
                "PurgeOrder", "PurgeAgreement");
        Ty order = Ty.struct(b.typePath("Order"),
                field("id", U64, "u64"),
                field("tenant", ACCOUNT_ID, "T::AccountId"),
                field("provider", ACCOUNT_ID, "T::AccountId"),
                field("resource", U64, "u64"),
                field("hours", U32, "u32"),
                field("price_per_hour", BALANCE, "BalanceOf<T>"),
                field("amount", BALANCE, "BalanceOf<T>"),
                field("ssh_public_key", BYTES, "Vec<u8>"),
                field("created_at", MOMENT, "T::Moment"),
                field("status", orderStatus, "OrderStatus"),
                field("renewal", BOOL, "bool"),
                field("agreement", option(U64), "Option<u64>"));
        Ty agreement = Ty.struct(b.typePath("RentalAgreement"),
                field("id", U64, "u64"),
                field("order", U64, "u64"),
                field("provider", ACCOUNT_ID, "T::AccountId"),
                field("tenant", ACCOUNT_ID, "T::AccountId"),
                field("resource", U64, "u64"),
                field("price_per_hour", BALANCE, "BalanceOf<T>"),
                field("start", MOMENT, "T::Moment"),
                field("end", MOMENT, "T::Moment"),
                field("last_settled", MOMENT, "T::Moment"),
                field("last_heartbeat", MOMENT, "T::Moment"),
                field("amount", BALANCE, "BalanceOf<T>"),
                field("settled", BALANCE, "BalanceOf<T>"),
                field("withdrawn", BALANCE, "BalanceOf<T>"),
                field("pledge_locked", BALANCE, "BalanceOf<T>"),
                field("status", agreementStatus, "AgreementStatus"),
                field("ssh_public_key", BYTES, "Vec<u8>"),
                field("closed_at", MOMENT, "T::Moment"));
        Ty pledge = Ty.struct(b.typePath("PledgeInfo"),
                field("total", BALANCE, "BalanceOf<T>"),
                field("locked", BALANCE, "BalanceOf<T>"));

        b.call(0, "pledge", "The provider reserves `amount` more as pledge.",
                field("amount", COMPACT_BALANCE, "BalanceOf<T>"))
         .call(1, "withdraw_pledge", "The provider takes back `amount` of its free pledge.",
                field("amount", COMPACT_BALANCE, "BalanceOf<T>"))
         .call(2, "create_order", "The tenant orders `hours` of a resource, paying price x hours into escrow.",
                field("resource", U64, "u64"), field("hours", U32, "u32"),
                field("ssh_public_key", BYTES, "Vec<u8>"))
         .call(3, "cancel_order", "The tenant withdraws a pending order, fully refunded.", field("order", U64, "u64"))
         .call(4, "exec_order", "The resource's owner accepts a pending order.", field("order", U64, "u64"))
         .call(5, "renew", "The tenant pays for `hours` more at the resource's current price.",
                field("agreement", U64, "u64"), field("hours", U32, "u32"))
         .call(6, "heartbeat", "The provider proves liveness; rent is settled up to now.",
                field("agreement", U64, "u64"))
         .call(7, "withdraw_rent", "The provider collects the settled rent of an agreement.",
                field("agreement", U64, "u64"))
         .call(8, "claim_refund", "The caller collects its refunds.");

        b.event(0, "Pledged", "`amount` reserved as pledge.",
                field("who", ACCOUNT_ID, "T::AccountId"), field("amount", BALANCE, "BalanceOf<T>"))
         .event(1, "PledgeWithdrawn", "`amount` of free pledge unreserved.",
                field("who", ACCOUNT_ID, "T::AccountId"), field("amount", BALANCE, "BalanceOf<T>"))
         .event(2, "OrderCreated", "A new order waits for the provider.",
                field("order", U64, "u64"), field("tenant", ACCOUNT_ID, "T::AccountId"),
                field("provider", ACCOUNT_ID, "T::AccountId"), field("resource", U64, "u64"),
                field("hours", U32, "u32"), field("amount", BALANCE, "BalanceOf<T>"),
                field("ssh_public_key", BYTES, "Vec<u8>"))
         .event(3, "RenewalOrdered", "A renewal order waits for the provider.",
                field("order", U64, "u64"), field("tenant", ACCOUNT_ID, "T::AccountId"),
                field("provider", ACCOUNT_ID, "T::AccountId"), field("agreement", U64, "u64"),
                field("hours", U32, "u32"), field("amount", BALANCE, "BalanceOf<T>"))
         .event(4, "OrderCanceled", "The tenant canceled a pending order.",
                field("order", U64, "u64"), field("tenant", ACCOUNT_ID, "T::AccountId"),
                field("refund", BALANCE, "BalanceOf<T>"))
         .event(5, "OrderTimedOut", "A pending order reached orderTimeout.",
                field("order", U64, "u64"), field("tenant", ACCOUNT_ID, "T::AccountId"),
                field("refund", BALANCE, "BalanceOf<T>"))
         .event(6, "AgreementStarted", "The provider executed a new order.",
                field("agreement", U64, "u64"), field("order", U64, "u64"),
                field("provider", ACCOUNT_ID, "T::AccountId"), field("tenant", ACCOUNT_ID, "T::AccountId"),
                field("resource", U64, "u64"), field("start", MOMENT, "T::Moment"), field("end", MOMENT, "T::Moment"),
                field("pledge_locked", BALANCE, "BalanceOf<T>"))
         .event(7, "AgreementRenewed", "The provider executed a renewal.",
                field("agreement", U64, "u64"), field("order", U64, "u64"), field("end", MOMENT, "T::Moment"),
                field("pledge_locked", BALANCE, "BalanceOf<T>"))
         .event(8, "HeartbeatReceived", "Rent settled by a heartbeat.",
                field("agreement", U64, "u64"), field("provider", ACCOUNT_ID, "T::AccountId"),
                field("settled", BALANCE, "BalanceOf<T>"), field("at", MOMENT, "T::Moment"))
         .event(9, "RentWithdrawn", "Rent paid out on request.",
                field("agreement", U64, "u64"), field("provider", ACCOUNT_ID, "T::AccountId"),
                field("amount", BALANCE, "BalanceOf<T>"))
         .event(10, "AgreementFinished", "The lease reached its end; `paid` went to the provider now.",
                field("agreement", U64, "u64"), field("resource", U64, "u64"),
                field("provider", ACCOUNT_ID, "T::AccountId"), field("paid", BALANCE, "BalanceOf<T>"))
         .event(11, "AgreementPunished", "The provider missed its heartbeats: refund and slashed pledge to the tenant.",
                field("agreement", U64, "u64"), field("resource", U64, "u64"),
                field("provider", ACCOUNT_ID, "T::AccountId"), field("tenant", ACCOUNT_ID, "T::AccountId"),
                field("refund", BALANCE, "BalanceOf<T>"), field("slashed", BALANCE, "BalanceOf<T>"))
         .event(12, "RefundCredited", "`amount` added to the claimable refunds of `who`.",
                field("who", ACCOUNT_ID, "T::AccountId"), field("amount", BALANCE, "BalanceOf<T>"))
         .event(13, "RefundClaimed", "`amount` of refunds paid out.",
                field("who", ACCOUNT_ID, "T::AccountId"), field("amount", BALANCE, "BalanceOf<T>"))
         .event(14, "OrderRemoved", "A closed order left storage after historyRetention.",
                field("order", U64, "u64"))
         .event(15, "AgreementRemoved", "A closed, fully paid agreement left storage after historyRetention.",
                field("agreement", U64, "u64"));

        b.errors(ResourceOrderError.class);

        List<Hasher> twoParts = List.of(Hasher.IDENTITY, Hasher.IDENTITY);
        List<Ty> accountAndId = List.of(ACCOUNT_ID, U64);
        b.value(ResourceOrderStorage.NEXT_ORDER_ID, Modifier.DEFAULT, U64,
                ResourceOrderStorage.NEXT_ORDER_ID.codec().encode(0L), "The id the next order gets.")
         .map(ResourceOrderStorage.ORDERS, Modifier.OPTIONAL, U64, order, NONE, "Orders by id.")
         .value(ResourceOrderStorage.NEXT_AGREEMENT_ID, Modifier.DEFAULT, U64,
                ResourceOrderStorage.NEXT_AGREEMENT_ID.codec().encode(0L), "The id the next agreement gets.")
         .map(ResourceOrderStorage.AGREEMENTS, Modifier.OPTIONAL, U64, agreement, NONE,
                "Rental agreements by id.")
         .map(ResourceOrderStorage.PLEDGES, Modifier.DEFAULT, ACCOUNT_ID, pledge,
                ResourceOrderStorage.PLEDGES.valueCodec().encode(PledgeInfo.EMPTY), "Providers' pledges.")
         .map(ResourceOrderStorage.REFUNDS, Modifier.DEFAULT, ACCOUNT_ID, BALANCE,
                ResourceOrderStorage.REFUNDS.valueCodec().encode(BigInteger.ZERO),
                "Refunds a tenant can claim (held in escrow).");
        index(b, ResourceOrderStorage.TENANT_ORDERS, twoParts, accountAndId, "A tenant's orders: (tenant, order).");
        index(b, ResourceOrderStorage.PROVIDER_ORDERS, twoParts, accountAndId,
                "A provider's orders: (provider, order).");
        index(b, ResourceOrderStorage.TENANT_AGREEMENTS, twoParts, accountAndId,
                "A tenant's agreements: (tenant, agreement).");
        index(b, ResourceOrderStorage.PROVIDER_AGREEMENTS, twoParts, accountAndId,
                "A provider's agreements: (provider, agreement).");
        index(b, ResourceOrderStorage.SCHEDULE, List.of(Hasher.IDENTITY, Hasher.IDENTITY, Hasher.IDENTITY),
                List.of(new Ty.Arr(8, U8), taskKind, U64),
                "Timeouts, health checks, lease ends and purges: (slot as 8 big-endian bytes, kind, id).");

        b.constant("SlotMs", U64, Codecs.U64.encode(cfg.slotMs()), "Granularity of the task schedule, ms.")
         .constant("MaxScheduledPerBlock", U32, Codecs.U32.encode((long) cfg.maxScheduledPerBlock()),
                "Scheduled tasks run per block at most.")
         .constant("OrderTimeout", U64, Codecs.U64.encode(cfg.orderTimeout()),
                "How long a pending order waits for the provider, ms.")
         .constant("HeartbeatTolerance", U64, Codecs.U64.encode(cfg.heartbeatTolerance()),
                "Silence after which a lease's provider is punished, ms.")
         .constant("GraceAllowance", U64, Codecs.U64.encode(cfg.graceAllowance()),
                "Extra time a new lease gets before its first heartbeat is due, ms.")
         .constant("HistoryRetention", U64, Codecs.U64.encode(cfg.historyRetention()),
                "How long closed orders and agreements stay in storage, ms.")
         .constant("MaxSshKeyLength", U32, Codecs.U32.encode((long) cfg.maxSshKeyLength()),
                "Bytes of an SSH public key at most.");
        return b.build();
    }

    /** A set-like map whose Identity key is the concatenation of {@code parts}: an NMap with unit values. */
    private static void index(PalletMeta.Builder b, StorageMap<?, byte[]> map, List<Hasher> hashers, List<Ty> parts,
            String doc) {
        b.nmap(map, Modifier.OPTIONAL, hashers, parts, UNIT, NONE, doc);
    }
}
