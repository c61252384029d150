package org.hamster.client.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hamster.chain.AccountId;
import org.hamster.client.MarketQuery;
import org.hamster.client.Offer;
import org.hamster.client.Reputation;
import org.hamster.common.Bytes;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceStatus;

/** The market as offers: listed resources with their providers' reputation, filtered and sorted by a query. */
final class Offers {
    private Offers() {
    }

    /** {@code resources} at chain time {@code nowMs} as offers that pass {@code q}, in its order. */
    static List<Offer> select(List<Resource> resources, Map<AccountId, ProviderStatistics> stats, MarketQuery q,
            long nowMs, Tokens tokens) {
        Comparator<Offer> order = order(q.sort());
        boolean descending = q.descending() != null ? q.descending() : q.sort().naturallyDescending();
        Comparator<Offer> byId = Comparator.comparingLong(Offer::id);
        return resources.stream().filter(r -> passes(r, q, nowMs)).map(r -> offer(r, stats.getOrDefault(r.owner(),
                ProviderStatistics.EMPTY), nowMs, tokens))
                .sorted((descending ? order.reversed() : order).thenComparing(byId)).toList();
    }

    static boolean passes(Resource r, MarketQuery q, long nowMs) {
        return (q.all() || r.status() == ResourceStatus.UNUSED && !r.expiredAt(nowMs))
                && (q.minCpu() == null || r.config().cpu() >= q.minCpu())
                && (q.minMemoryGiB() == null || r.config().memoryGiB() >= q.minMemoryGiB())
                && (q.maxPricePerHour() == null || r.pricePerHour().compareTo(q.maxPricePerHour()) <= 0)
                && (q.minHours() == null || hoursLeft(r, nowMs) >= q.minHours());
    }

    /**
     * Whole hours that can still be ordered at {@code nowMs}: the time to the listing's end in the chain's hours.
     * The listing ends {@code rentableHours} chain hours after its registration, which gives the hour's length.
     */
    static long hoursLeft(Resource r, long nowMs) {
        if (r.rentableHours() <= 0 || r.endOfRent() <= nowMs) {
            return 0;
        }
        long hourMs = (r.endOfRent() - r.registeredAt()) / r.rentableHours();
        return hourMs <= 0 ? 0 : (r.endOfRent() - nowMs) / hourMs;
    }

    static Offer offer(Resource r, ProviderStatistics s, long nowMs, Tokens tokens) {
        return new Offer(r.id(), r.owner().ss58(), text(r.peerId()), r.config().cpu(), r.config().memoryGiB(),
                r.config().diskGiB(), text(r.config().system()), text(r.config().cpuModel()), text(r.config().gpu()),
                text(r.config().region()), tokens.amount(r.pricePerHour()), hoursLeft(r, nowMs),
                Instant.ofEpochMilli(r.endOfRent()), r.status().name(),
                Reputation.of(s.rentals(), s.rentedHours(), s.faults()));
    }

    private static Comparator<Offer> order(MarketQuery.Sort sort) {
        return switch (sort) {
            case PRICE -> Comparator.comparing(o -> new BigInteger(o.pricePerHour().units()));
            case CPU -> Comparator.comparingLong(Offer::cpu);
            case MEMORY -> Comparator.comparingLong(Offer::memoryGiB);
            case HOURS -> Comparator.comparingLong(Offer::rentableHours);
            case REPUTATION -> Comparator.comparingDouble(o -> o.reputation().score());
        };
    }

    private static String text(Bytes b) {
        return b == null ? null : new String(b.unsafeArray(), StandardCharsets.UTF_8);
    }
}
