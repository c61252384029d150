package org.hamster.pallet.resourceorder.internal;

import static org.hamster.pallet.resourceorder.internal.MarketFixture.ED;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.SSH_KEY;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.hamster.chain.AccountId;
import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.chain.spi.State;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.common.Bytes;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ResourceOrderStorage.AccountIndex;
import org.hamster.pallet.resourceorder.ScheduledTask;
import org.hamster.pallet.resourceorder.ScheduledTask.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Thousands of random calls from ten accounts over hundreds of blocks, with small per-block schedule bounds so
 * that work spills over into later blocks; after every block (and every successful call) the market's books must
 * balance and every status must agree with the orders and agreements behind it.
 */
class MarketInvariantsTest {
    private static final int ACCOUNTS = 10;
    private static final int BLOCKS = 500;
    private static final String ORDERS = "{\"slotMs\": 6000, \"orderTimeout\": 30000, \"heartbeatTolerance\": 24000,"
            + " \"graceAllowance\": 12000, \"historyRetention\": 60000, \"maxScheduledPerBlock\": 3}";
    private static final String PROVIDER = "{\"hourMs\": 60000, \"slotMs\": 6000, \"maxRentableHours\": 1000,"
            + " \"maxScheduledPerBlock\": 2}";
    private static final Bytes SYSTEM = Bytes.wrap("Debian 12".getBytes(StandardCharsets.UTF_8));

    private final AccountId[] who = new AccountId[ACCOUNTS];
    private MarketFixture f;
    private Random rnd;
    private BigInteger issuance;
    private final Map<String, Integer> succeeded = new TreeMap<>();
    private final Map<String, Integer> observed = new TreeMap<>();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theBooksBalanceWhateverHappens(long seed) {
        rnd = new Random(seed);
        for (int i = 0; i < ACCOUNTS; i++) {
            who[i] = TestAccounts.numbered(i + 1);
        }
        f = new MarketFixture(PROVIDER, ORDERS, who);
        issuance = f.issuance();
        int calls = 0;
        for (int block = 0; block < BLOCKS; block++) {
            calls += providerDuties();
            int n = rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                randomCall();
                calls++;
            }
            check();
            for (PalletEvent e : f.h.nextBlock()) {
                observed.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            }
            check();
        }
        assertTrue(calls > 3000, "only " + calls + " calls");
        drain();
        for (String c : List.of("Register", "ModifyPrice", "AddDuration", "Remove", "Relist", "Offline", "Pledge",
                "WithdrawPledge", "CreateOrder", "CancelOrder", "ExecOrder", "Renew", "Heartbeat", "WithdrawRent",
                "ClaimRefund")) {
            assertTrue(succeeded.getOrDefault(c, 0) > 3, c + " succeeded only " + succeeded.get(c) + " times: "
                    + succeeded);
        }
        for (String e : List.of("OrderTimedOut", "AgreementFinished", "AgreementPunished", "AgreementRenewed",
                "OrderRemoved", "AgreementRemoved", "ResourceExpired")) {
            assertTrue(observed.getOrDefault(e, 0) > 0, e + " never happened: " + observed);
        }
        assertEquals(0, f.pallet.scheduleFailures());
        LoggerFactory.getLogger(MarketInvariantsTest.class).info("seed {}: {} calls, succeeded {}, events {}", seed,
                calls, succeeded, observed);
    }

    /** Without any more calls, every lease ends (punished: no heartbeats) and the schedule catches up. */
    private void drain() {
        for (int block = 0; block < 200; block++) {
            f.h.nextBlock();
            check();
        }
        assertTrue(agreements().stream().noneMatch(a -> a.status() == AgreementStatus.USING));
        assertTrue(orders().stream().noneMatch(o -> o.status() == OrderStatus.PENDING));
        assertTrue(resources().stream().noneMatch(r -> r.status().rented()));
        long current = f.h.now() / 6000;
        assertTrue(ResourceOrderStorage.SCHEDULE.page(f.h.state(), null, 1).stream()
                .allMatch(e -> e.getKey().slot() > current), "the schedule did not catch up");
        assertTrue(ProviderStorage.LISTING_EXPIRIES.page(f.h.state(), null, 1).stream()
                .allMatch(e -> e.getKey().slot() > current), "the listing schedule did not catch up");
    }

    // ---------------------------------------------------------------- actions

    private AccountId any() {
        return who[rnd.nextInt(ACCOUNTS)];
    }

    /** Providers are the first five accounts; those with an even index are reliable. */
    private AccountId provider() {
        return who[rnd.nextInt(5)];
    }

    private boolean reliable(AccountId p) {
        for (int i = 0; i < ACCOUNTS; i++) {
            if (who[i].equals(p)) {
                return i % 2 == 0;
            }
        }
        return false;
    }

    private <T> List<T> all(Function<State, List<Map.Entry<Long, T>>> page) {
        List<T> out = new ArrayList<>();
        page.apply(f.h.state()).forEach(e -> out.add(e.getValue()));
        return out;
    }

    private List<Resource> resources() {
        return all(s -> ProviderStorage.RESOURCES.page(s, null, Integer.MAX_VALUE));
    }

    private List<Order> orders() {
        return all(s -> ResourceOrderStorage.ORDERS.page(s, null, Integer.MAX_VALUE));
    }

    private List<RentalAgreement> agreements() {
        return all(s -> ResourceOrderStorage.AGREEMENTS.page(s, null, Integer.MAX_VALUE));
    }

    private <T> T pick(List<T> items) {
        return items.isEmpty() ? null : items.get(rnd.nextInt(items.size()));
    }

    /** Providers execute pending orders and heartbeat their leases (the unreliable ones rarely). */
    private int providerDuties() {
        int n = 0;
        for (Order o : orders()) {
            if (o.status() == OrderStatus.PENDING && rnd.nextInt(10) < 4) {
                run("ExecOrder", o.provider(), "ResourceOrder", new ResourceOrderCall.ExecOrder(o.id()));
                n++;
            }
        }
        for (RentalAgreement a : agreements()) {
            if (a.status() == AgreementStatus.USING && rnd.nextInt(100) < (reliable(a.provider()) ? 45 : 6)) {
                run("Heartbeat", a.provider(), "ResourceOrder", new ResourceOrderCall.Heartbeat(a.id()));
                n++;
            }
        }
        return n;
    }

    private void randomCall() {
        Resource r = pick(resources());
        Order o = pick(orders());
        RentalAgreement a = pick(agreements());
        long rid = r != null && rnd.nextInt(10) > 0 ? r.id() : rnd.nextInt(40);
        long oid = o != null && rnd.nextInt(10) > 0 ? o.id() : rnd.nextInt(40);
        long aid = a != null && rnd.nextInt(10) > 0 ? a.id() : rnd.nextInt(20);
        AccountId owner = r != null && rnd.nextInt(10) > 1 ? r.owner() : any();
        AccountId tenantOfOrder = o != null && rnd.nextInt(10) > 1 ? o.tenant() : any();
        AccountId tenant = a != null && rnd.nextInt(10) > 1 ? a.tenant() : any();
        AccountId prov = a != null && rnd.nextInt(10) > 1 ? a.provider() : any();
        switch (rnd.nextInt(17)) {
            case 0, 1 -> run("Register", provider(), "Provider", new ProviderCall.RegisterResource(
                    MarketFixture.peer(rnd.nextInt(50)), 1 + rnd.nextInt(70), 1 + rnd.nextInt(300), 1 + rnd.nextInt(50),
                    SYSTEM, SYSTEM, b(rnd.nextInt(300)), 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 20), null, null));
            case 2 -> run("ModifyPrice", owner, "Provider", new ProviderCall.ModifyResourcePrice(rid,
                    b(rnd.nextInt(300))));
            case 3 -> run("AddDuration", owner, "Provider", new ProviderCall.AddResourceDuration(rid,
                    rnd.nextInt(4)));
            case 4 -> run("Remove", owner, "Provider", new ProviderCall.RemoveResource(rid));
            case 5 -> {
                if (rnd.nextBoolean()) {
                    run("Relist", owner, "Provider", new ProviderCall.Relist(rid));
                } else {
                    run("Offline", owner, "Provider", new ProviderCall.Offline(rid));
                }
            }
            case 6 -> run("Pledge", provider(), "ResourceOrder", new ResourceOrderCall.Pledge(
                    b(rnd.nextInt(3000))));
            case 7 -> run("WithdrawPledge", provider(), "ResourceOrder", new ResourceOrderCall.WithdrawPledge(
                    b(rnd.nextInt(1500))));
            case 8, 9, 10 -> run("CreateOrder", any(), "ResourceOrder", new ResourceOrderCall.CreateOrder(rid,
                    rnd.nextInt(4), rnd.nextInt(30) == 0 ? Bytes.wrap(new byte[] {1}) : SSH_KEY));
            case 11 -> run("CancelOrder", tenantOfOrder, "ResourceOrder", new ResourceOrderCall.CancelOrder(oid));
            case 12 -> run("Renew", tenant, "ResourceOrder", new ResourceOrderCall.Renew(aid, rnd.nextInt(3)));
            case 13 -> run("WithdrawRent", prov, "ResourceOrder", new ResourceOrderCall.WithdrawRent(aid));
            case 14 -> run("ClaimRefund", tenant, "ResourceOrder", new ResourceOrderCall.ClaimRefund());
            case 15 -> run("ExecOrder", o != null ? o.provider() : any(), "ResourceOrder",
                    new ResourceOrderCall.ExecOrder(oid));
            default -> {
                AccountId from = who[5 + rnd.nextInt(5)];
                if (rnd.nextInt(8) == 0) {
                    run("TransferAll", from, "Balances", new BalancesCall.TransferAll(any(), false));
                } else {
                    run("Transfer", any(), "Balances", new BalancesCall.TransferAllowDeath(from,
                            b(rnd.nextInt(5000))));
                }
            }
        }
    }

    private void run(String name, AccountId origin, String pallet, Call call) {
        try {
            f.h.dispatch(Origin.signed(origin), pallet, call);
            succeeded.merge(name, 1, Integer::sum);
            check();
        } catch (DispatchException e) {
            DispatchError err = e.systemError();
            if (err != null && err.kind() == DispatchError.Kind.OTHER) {
                fail(name + " failed internally: " + err.description());
            }
        }
    }

    // ---------------------------------------------------------------- invariants

    private void check() {
        State s = f.h.state();
        assertEquals(issuance, f.issuance(), "total issuance changed");
        List<Resource> resources = resources();
        List<Order> orders = orders();
        List<RentalAgreement> agreements = agreements();

        BigInteger owed = ED;
        Map<Long, Integer> pendingNew = new HashMap<>();
        for (Order o : orders) {
            if (o.status() == OrderStatus.PENDING) {
                owed = owed.add(o.amount());
                if (!o.renewal()) {
                    pendingNew.merge(o.resource(), 1, Integer::sum);
                }
                assertTrue(ResourceOrderStorage.SCHEDULE.contains(s, f.pallet.schedule().timeout(o)),
                        "no timeout for " + o);
            }
            assertTrue(ResourceOrderStorage.TENANT_ORDERS.contains(s, new AccountIndex(o.tenant(), o.id())));
            assertTrue(ResourceOrderStorage.PROVIDER_ORDERS.contains(s, new AccountIndex(o.provider(), o.id())));
        }
        Map<Long, Integer> using = new HashMap<>();
        Map<AccountId, BigInteger> locked = new HashMap<>();
        for (RentalAgreement a : agreements) {
            owed = owed.add(a.escrowed());
            assertTrue(a.withdrawn().compareTo(a.settled()) <= 0 && a.settled().compareTo(a.amount()) <= 0, "" + a);
            if (a.status() == AgreementStatus.USING) {
                using.merge(a.resource(), 1, Integer::sum);
                locked.merge(a.provider(), a.pledgeLocked(), BigInteger::add);
                assertEquals(a.amount(), a.pledgeLocked(), "a lease's pledge lock equals what its tenant paid");
                assertTrue(ResourceOrderStorage.SCHEDULE.contains(s, new ScheduledTask(
                        f.pallet.schedule().slotAtOrAfter(a.end()), Kind.AGREEMENT_END, a.id())), "no end for " + a);
                if (f.pallet.schedule().checked(a)) {
                    assertTrue(ResourceOrderStorage.SCHEDULE.contains(s, new ScheduledTask(f.pallet.schedule()
                            .slotAfter(f.pallet.schedule().deadline(a)), Kind.HEALTH_CHECK, a.id())), "no check " + a);
                }
            } else {
                assertEquals(BigInteger.ZERO, a.pledgeLocked());
            }
            assertTrue(ResourceOrderStorage.TENANT_AGREEMENTS.contains(s, new AccountIndex(a.tenant(), a.id())));
        }
        for (Map.Entry<AccountId, BigInteger> e : ResourceOrderStorage.REFUNDS.page(s, null, Integer.MAX_VALUE)) {
            owed = owed.add(e.getValue());
        }
        assertEquals(owed, f.escrow(), "escrow != ED + pending orders + agreements + refunds");
        assertEquals(BigInteger.ZERO, f.reserved(ResourceOrderStorage.ESCROW));

        for (Resource r : resources) {
            int u = using.getOrDefault(r.id(), 0);
            int p = pendingNew.getOrDefault(r.id(), 0);
            switch (r.status()) {
                case INUSE -> assertTrue(u == 1 && p == 0, "Inuse resource " + r.id() + ": " + u + " leases");
                case LOCKED -> assertTrue(u == 0 && p == 1, "Locked resource " + r.id() + ": " + p + " orders");
                default -> assertTrue(u == 0 && p == 0, r.status() + " resource " + r.id() + " is rented");
            }
        }
        using.keySet().forEach(id -> assertEquals(ResourceStatus.INUSE, f.resource(id).status()));
        pendingNew.keySet().forEach(id -> assertEquals(ResourceStatus.LOCKED, f.resource(id).status()));
        assertEquals((long) resources.size(), ProviderStorage.RESOURCE_COUNT.getOr(s, 0L));

        for (AccountId a : who) {
            PledgeInfo p = f.pledgeOf(a);
            assertTrue(p.locked().compareTo(p.total()) <= 0, "locked above pledge for " + a);
            assertEquals(locked.getOrDefault(a, BigInteger.ZERO), p.locked(), "pledge lock of " + a);
            assertEquals(p.total(), f.reserved(a), "reserved balance != pledge of " + a);
            List<Long> listed = ProviderStorage.PROVIDER_RESOURCES.getOr(s, a, List.of());
            assertEquals(resources.stream().filter(r -> r.owner().equals(a)).map(Resource::id).sorted().toList(),
                    listed.stream().sorted().toList());
        }
    }
}
