package org.hamster.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hamster.chain.AccountId;
import org.hamster.client.MarketQuery;
import org.hamster.client.MarketQuery.Sort;
import org.hamster.client.Offer;
import org.hamster.client.Reputation;
import org.hamster.common.Bytes;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.provider.ResourceStatus;
import org.junit.jupiter.api.Test;

/** The market as offers: filters, sorts, hours left and the providers' reputation score. */
class OffersTest {
    private static final long HOUR = 1000;
    private static final AccountId ALICE = AccountId.of(new byte[32]);
    private static final AccountId BOB = AccountId.of(filled(2));
    private static final AccountId CAROL = AccountId.of(filled(3));
    private static final Map<AccountId, ProviderStatistics> STATS = Map.of(
            ALICE, new ProviderStatistics(10, 100, 0, 0),
            BOB, new ProviderStatistics(10, 80, 5, 1),
            CAROL, ProviderStatistics.EMPTY);

    private static byte[] filled(int b) {
        byte[] a = new byte[32];
        java.util.Arrays.fill(a, (byte) b);
        return a;
    }

    private static Bytes text(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Listed at 0 for {@code hours} hours of {@value #HOUR} ms. */
    private static Resource resource(long id, AccountId owner, long cpu, long mem, long price, long hours,
            ResourceStatus status) {
        return new Resource(id, owner, text("12D3KooW" + id), new ResourceConfig(cpu, mem, 20, text("Debian 12"),
                text("EPYC"), null, text("eu")), BigInteger.valueOf(price), hours, 0, hours * HOUR, status);
    }

    private static final List<Resource> MARKET = List.of(
            resource(0, ALICE, 2, 4, 300, 10, ResourceStatus.UNUSED),
            resource(1, BOB, 8, 16, 100, 20, ResourceStatus.UNUSED),
            resource(2, CAROL, 4, 8, 200, 5, ResourceStatus.UNUSED),
            resource(3, ALICE, 16, 64, 100, 30, ResourceStatus.INUSE),
            resource(4, BOB, 1, 1, 50, 40, ResourceStatus.OFFLINE));

    private static List<Long> ids(MarketQuery q, long now) {
        return Offers.select(MARKET, STATS, q, now, Tokens.DEV).stream().map(Offer::id).toList();
    }

    private static MarketQuery sorted(Sort sort, Boolean descending) {
        return new MarketQuery(null, null, null, null, sort, descending, false);
    }

    @Test
    void onlyOrderableMachinesUnlessAllAreAsked() {
        assertEquals(List.of(1L, 2L, 0L), ids(MarketQuery.available(), 0));
        assertEquals(List.of(4L, 1L, 3L, 2L, 0L), ids(new MarketQuery(null, null, null, null, Sort.PRICE, null,
                true), 0));
        assertEquals(List.of(1L, 0L), ids(MarketQuery.available(), 5 * HOUR), "resource 2's listing has ended");
    }

    @Test
    void filtersCombine() {
        assertEquals(List.of(1L, 2L), ids(new MarketQuery(4L, null, null, null, null, null, false), 0));
        assertEquals(List.of(1L), ids(new MarketQuery(null, 16L, null, null, null, null, false), 0));
        assertEquals(List.of(1L, 2L), ids(new MarketQuery(null, null, BigInteger.valueOf(200), null, null, null,
                false), 0));
        assertEquals(List.of(1L, 0L), ids(new MarketQuery(null, null, null, 10L, null, null, false), 0));
        assertEquals(List.of(1L), ids(new MarketQuery(null, null, null, 10L, null, null, false), HOUR / 2),
                "after half an hour resource 0 has only 9 whole hours left");
        assertEquals(List.of(), ids(new MarketQuery(100L, null, null, null, null, null, false), 0));
    }

    @Test
    void sortsByEachKeyInItsNaturalDirectionOrAsAsked() {
        assertEquals(List.of(1L, 2L, 0L), ids(sorted(Sort.PRICE, null), 0));
        assertEquals(List.of(0L, 2L, 1L), ids(sorted(Sort.PRICE, true), 0));
        assertEquals(List.of(1L, 2L, 0L), ids(sorted(Sort.CPU, null), 0));
        assertEquals(List.of(0L, 2L, 1L), ids(sorted(Sort.CPU, false), 0));
        assertEquals(List.of(1L, 2L, 0L), ids(sorted(Sort.MEMORY, null), 0));
        assertEquals(List.of(1L, 0L, 2L), ids(sorted(Sort.HOURS, null), 0));
        // Alice 10 clean leases (0.916) > Bob 10 leases 5 faults (0.5) = Carol no history (0.5): ties by id
        assertEquals(List.of(0L, 1L, 2L), ids(sorted(Sort.REPUTATION, null), 0));
        assertEquals(List.of(1L, 2L, 0L), ids(sorted(Sort.REPUTATION, false), 0));
    }

    @Test
    void anOfferCarriesWhatATenantChoosesBy() {
        Offer o = Offers.select(MARKET, STATS, MarketQuery.available(), 1500, Tokens.DEV).get(0);
        assertEquals(1, o.id());
        assertEquals(BOB.ss58(), o.provider());
        assertEquals("12D3KooW1", o.peerId());
        assertEquals("100", o.pricePerHour().units());
        assertEquals("0.0000000001 HAM", o.pricePerHour().text());
        assertEquals(18, o.rentableHours(), "20 hours listed, 1.5 gone");
        assertEquals("eu", o.region());
        assertEquals(null, o.gpu());
        assertEquals(new Reputation(10, 80, 5, 0.5), o.reputation());
    }

    @Test
    void hoursLeftFollowTheChainsHour() {
        Resource r = resource(9, ALICE, 1, 1, 1, 10, ResourceStatus.UNUSED);
        assertEquals(10, Offers.hoursLeft(r, 0));
        assertEquals(7, Offers.hoursLeft(r, 2500));
        assertEquals(0, Offers.hoursLeft(r, 10 * HOUR));
        assertEquals(0, Offers.hoursLeft(r, 11 * HOUR));
        assertEquals(0, Offers.hoursLeft(resource(9, ALICE, 1, 1, 1, 0, ResourceStatus.UNUSED), 0));
    }

    @Test
    void reputationIsTheRuleOfSuccession() {
        assertEquals(0.5, Reputation.of(0, 0, 0).score(), "no history");
        assertEquals(0.916, Reputation.of(10, 100, 0).score(), "rounded down");
        assertEquals(0.5, Reputation.of(10, 100, 5).score());
        assertEquals(0.083, Reputation.of(10, 100, 10).score(), "every lease faulted");
        assertEquals(0.083, Reputation.of(10, 100, 12).score(), "faults never push it below all-faulted");
        assertEquals(0.999, Reputation.of(2000, 2000, 0).score());
    }
}
