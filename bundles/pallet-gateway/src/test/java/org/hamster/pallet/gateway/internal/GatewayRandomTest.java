package org.hamster.pallet.gateway.internal;

import static org.hamster.pallet.gateway.internal.GatewayFixture.BOND;
import static org.hamster.pallet.gateway.internal.GatewayFixture.SLOT;
import static org.hamster.pallet.gateway.internal.GatewayFixture.TOLERANCE;
import static org.hamster.pallet.gateway.internal.GatewayFixture.assertConsistent;
import static org.hamster.pallet.gateway.internal.GatewayFixture.b;
import static org.hamster.pallet.gateway.internal.GatewayFixture.free;
import static org.hamster.pallet.gateway.internal.GatewayFixture.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.ModuleError;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.pallet.gateway.GatewayAddress;
import org.hamster.pallet.gateway.GatewayCall;
import org.hamster.pallet.gateway.GatewayError;
import org.hamster.pallet.gateway.GatewayEvent;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.gateway.InvalidGatewayAddress;
import org.hamster.pallet.gateway.RemovalReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of random calls and blocks against a model of the pallet's specification: every call's outcome is
 * predicted (success or the exact error), every block's silent removals too, and after each step all storage
 * items, reserves and the treasury agree with the model and with each other.
 */
class GatewayRandomTest {
    private static final int MAX_GATEWAYS = 14;
    private static final int PER_ACCOUNT = 8;
    private static final List<AccountId> ACCOUNTS = List.of(TestAccounts.ALICE, TestAccounts.BOB,
            TestAccounts.CHARLIE, TestAccounts.DAVE, TestAccounts.EVE);

    /** The model's view of a gateway. */
    private record Gw(AccountId owner, String multiaddr, long lastHeartbeat, long nextCheck) {
    }

    private final Map<String, Gw> model = new TreeMap<>();
    private final Map<GatewayError, Integer> errors = new java.util.EnumMap<>(GatewayError.class);
    private BigInteger treasury = BigInteger.ZERO;
    private PalletHarness h;
    private Random rnd;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomOperationsKeepEveryItemConsistent(long seed) {
        rnd = new Random(seed);
        h = GatewayFixture.harness(GatewayFixture.CONSTANTS.replace("\"maxGateways\": 1000",
                "\"maxGateways\": " + MAX_GATEWAYS), GatewayFixture.BLOCK);
        int calls = 0;
        int successes = 0;
        int removed = 0;
        for (int step = 0; step < 2500; step++) {
            int dice = rnd.nextInt(100);
            if (dice < 25) {
                removed += block();
                continue;
            }
            calls++;
            boolean ok = dice < 60 ? register() : dice < 85 ? heartbeat() : dice < 97 ? deregister() : forceRemove();
            successes += ok ? 1 : 0;
            assertConsistent(h);
            compareWithModel();
        }
        assertTrue(successes > calls / 5 && successes < calls, successes + " of " + calls + " calls succeeded");
        assertTrue(removed > 10, "silent removals happened: " + removed);
        for (GatewayError e : List.of(GatewayError.GatewayAlreadyRegistered, GatewayError.TooManyGateways,
                GatewayError.TooManyGatewaysForAccount, GatewayError.InsufficientBond, GatewayError.NotFound,
                GatewayError.NotOwner, GatewayError.InvalidPeerId)) {
            assertTrue(errors.containsKey(e), e + " was exercised: " + errors);
        }
    }

    private AccountId anyAccount() {
        return ACCOUNTS.get(rnd.nextInt(ACCOUNTS.size()));
    }

    private String anyPeer() {
        return peer(rnd.nextInt(30));
    }

    private String anyAddress() {
        int n = rnd.nextInt(30);
        String a = rnd.nextBoolean() ? GatewayFixture.addr(n) : "/ip4/8.8." + rnd.nextInt(3) + ".8/tcp/4001/p2p/"
                + peer(n);
        if (rnd.nextInt(10) == 0) {
            char[] c = a.toCharArray();
            c[rnd.nextInt(c.length)] = "/.:019aQz-%".charAt(rnd.nextInt(11));
            a = new String(c);
        }
        return a;
    }

    private boolean register() {
        AccountId who = anyAccount();
        String text = anyAddress();
        GatewayError expected = null;
        GatewayAddress addr = null;
        try {
            addr = GatewayAddress.parse(text);
        } catch (InvalidGatewayAddress e) {
            expected = e.error();
        }
        if (expected == null) {
            long mine = model.values().stream().filter(g -> g.owner.equals(who)).count();
            if (model.containsKey(addr.peerId())) {
                expected = GatewayError.GatewayAlreadyRegistered;
            } else if (model.size() >= MAX_GATEWAYS) {
                expected = GatewayError.TooManyGateways;
            } else if (mine >= PER_ACCOUNT) {
                expected = GatewayError.TooManyGatewaysForAccount;
            } else if (who.equals(TestAccounts.DAVE) || who.equals(TestAccounts.EVE)) {
                expected = GatewayError.InsufficientBond;
            }
        }
        if (expect(Origin.signed(who), new GatewayCall.RegisterGateway(text), expected)) {
            model.put(addr.peerId(), new Gw(who, addr.multiaddr(), h.now(), (h.now() + TOLERANCE) / SLOT));
            return true;
        }
        return false;
    }

    private boolean heartbeat() {
        AccountId who = anyAccount();
        String peer = rnd.nextInt(4) == 0 ? anyPeer() : ownedOrAny(who);
        Gw g = model.get(peer);
        GatewayError expected = g == null ? GatewayError.NotFound : !g.owner.equals(who) ? GatewayError.NotOwner : null;
        if (expect(Origin.signed(who), new GatewayCall.Heartbeat(peer), expected)) {
            model.put(peer, new Gw(g.owner, g.multiaddr, h.now(), g.nextCheck));
            return true;
        }
        return false;
    }

    private boolean deregister() {
        AccountId who = anyAccount();
        String peer = rnd.nextInt(3) == 0 ? anyPeer() : ownedOrAny(who);
        Gw g = model.get(peer);
        GatewayError expected = g == null ? GatewayError.NotFound : !g.owner.equals(who) ? GatewayError.NotOwner : null;
        BigInteger freeBefore = free(h, who);
        if (expect(Origin.signed(who), new GatewayCall.Deregister(peer), expected)) {
            model.remove(peer);
            assertEquals(freeBefore.add(b(BOND)), free(h, who), "the whole bond comes back");
            return true;
        }
        return false;
    }

    private boolean forceRemove() {
        String peer = rnd.nextBoolean() && !model.isEmpty() ? new ArrayList<>(model.keySet()).get(
                rnd.nextInt(model.size())) : anyPeer();
        int pct = rnd.nextInt(111);
        GatewayError expected = pct > 100 ? GatewayError.InvalidPenalty
                : !model.containsKey(peer) ? GatewayError.NotFound : null;
        if (expect(Origin.ROOT, new GatewayCall.ForceRemove(peer, pct), expected)) {
            model.remove(peer);
            treasury = treasury.add(b(BOND * pct / 100));
            return true;
        }
        return false;
    }

    private String ownedOrAny(AccountId who) {
        List<String> mine = model.entrySet().stream().filter(e -> e.getValue().owner.equals(who))
                .map(Map.Entry::getKey).toList();
        return mine.isEmpty() ? anyPeer() : mine.get(rnd.nextInt(mine.size()));
    }

    /** Dispatches; a predicted error must be exactly that error with nothing changed. */
    private boolean expect(Origin origin, Call call, GatewayError expected) {
        if (expected != null) {
            ModuleError got = h.assertNoop(origin, "Gateway", call).moduleError();
            assertSame(expected, got, call.toString());
            errors.merge(expected, 1, Integer::sum);
            return false;
        }
        try {
            h.dispatch(origin, "Gateway", call);
            return true;
        } catch (DispatchException e) {
            throw new AssertionError(call + " failed unexpectedly: " + e.getMessage(), e);
        }
    }

    /** Opens a block; the model applies the liveness rules; returns the number of silent removals. */
    private int block() {
        h.nextBlock();
        List<EventRecord> records = h.eventRecords();
        for (int i = 0; i < records.size(); i++) {
            if (h.events().get(i) instanceof GatewayEvent.GatewayRemoved) {
                assertSame(EventRecord.Phase.INITIALIZATION, records.get(i).phase(), "removals happen at init");
            }
        }
        long now = h.now();
        long due = now / SLOT;
        List<String> expected = new ArrayList<>();
        for (var e : new ArrayList<>(model.entrySet())) {
            Gw g = e.getValue();
            if (g.nextCheck < due) {
                if (g.lastHeartbeat + TOLERANCE < now) {
                    expected.add(e.getKey());
                    model.remove(e.getKey());
                    treasury = treasury.add(b(BOND / 10));
                } else {
                    model.put(e.getKey(), new Gw(g.owner, g.multiaddr, g.lastHeartbeat,
                            (g.lastHeartbeat + TOLERANCE) / SLOT));
                }
            }
        }
        List<String> actual = new ArrayList<>();
        for (PalletEvent e : h.events()) {
            if (e instanceof GatewayEvent.GatewayRemoved r) {
                assertSame(RemovalReason.Silent, r.reason());
                assertEquals(b(BOND / 10), r.penalty());
                actual.add(r.peerId());
            }
        }
        actual.sort(null);
        assertEquals(expected, actual, "silent removals at " + now);
        for (Gw g : model.values()) {
            assertTrue(g.lastHeartbeat + TOLERANCE >= due * SLOT, "no gateway overdue by a whole slot");
        }
        assertConsistent(h);
        compareWithModel();
        return actual.size();
    }

    private void compareWithModel() {
        Map<String, Gw> stored = new HashMap<>();
        GatewayFixture.gateways(h).forEach((peer, g) -> stored.put(peer, gw(g)));
        assertEquals(model, stored);
        assertEquals(treasury, free(h, GatewayStorage.TREASURY), "the treasury holds every penalty");
        assertEquals(model.values().stream().map(Gw::multiaddr).sorted().toList(),
                GatewayStorage.bootstrapList(h.state()));
    }

    private static Gw gw(GatewayInfo g) {
        return new Gw(g.owner(), g.multiaddr(), g.lastHeartbeat(), g.nextCheck());
    }
}
