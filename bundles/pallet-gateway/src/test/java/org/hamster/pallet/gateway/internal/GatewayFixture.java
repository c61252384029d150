package org.hamster.pallet.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hamster.chain.AccountId;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.balances.Currency;
import org.hamster.pallet.balances.internal.BalancesPallet;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.gateway.PeerIds;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.SystemStorage;
import org.hamster.pallet.system.internal.SystemPallet;
import org.hamster.pallet.timestamp.internal.TimestampPallet;

/**
 * System 0, Timestamp 1, Balances 2 (ED 10) and Gateway 7 (the dev index) with a bond of 1000, heartbeats every
 * 60 s, a tolerance of 180 s and 30 s slots; 6 s blocks from t = 1,000,000 ms (not slot-aligned on purpose).
 * Alice, Bob and Charlie hold 100,000; Dave 1,005 (the bond would leave him below the ED); Eve 500.
 */
final class GatewayFixture {
    static final long BOND = 1000;
    static final long TOLERANCE = 180_000;
    static final long SLOT = 30_000;
    static final long BLOCK = 6_000;
    static final String CONSTANTS = "{\"gatewayBond\": \"1000\", \"heartbeatIntervalMs\": 60000, "
            + "\"heartbeatToleranceMs\": 180000, \"slotMs\": 30000, \"maxRemovalsPerBlock\": 20, "
            + "\"maxChecksPerBlock\": 200, \"silencePenaltyPercent\": 10, \"maxGateways\": 1000, "
            + "\"maxGatewaysPerAccount\": 8, \"maxMultiaddrLength\": 256, \"publicAddressesOnly\": false}";
    static final List<AccountId> FUNDED = List.of(TestAccounts.ALICE, TestAccounts.BOB, TestAccounts.CHARLIE);

    private GatewayFixture() {
    }

    static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    static PalletHarness harness() {
        return harness(CONSTANTS, BLOCK);
    }

    static PalletHarness harness(String constants, long blockTime) {
        return builder(constants, blockTime).build();
    }

    static PalletHarness.Builder builder(String constants, long blockTime) {
        StringBuilder g = new StringBuilder("{\"balances\": [");
        for (AccountId a : FUNDED) {
            g.append("[\"").append(a.ss58()).append("\", \"100000\"], ");
        }
        g.append("[\"").append(TestAccounts.DAVE.ss58()).append("\", \"1005\"], [\"").append(TestAccounts.EVE.ss58())
                .append("\", \"500\"]]}");
        return PalletHarness.builder().pallet(0, new SystemPallet()).pallet(1, new TimestampPallet())
                .pallet(2, new BalancesPallet()).pallet(7, new GatewayPallet())
                .constants("Balances", "{\"existentialDeposit\": \"10\"}").genesis("Balances", g.toString())
                .constants("Gateway", constants).genesisTime(1_000_000).blockTime(blockTime);
    }

    /** The peer id of the Ed25519 key with seed {@code n}. */
    static String peer(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = (byte) (n >>> 8);
        seed[31] = 0x42;
        return PeerIds.ofEd25519(Ed25519.fromSeed(seed).publicKey());
    }

    /** A valid multiaddr of peer {@code n} (the host varies with n so that lists sort non-trivially). */
    static String addr(int n) {
        return switch (n % 3) {
            case 0 -> "/ip4/10.0." + (n % 250) + ".7/tcp/4001/p2p/" + peer(n);
            case 1 -> "/dns4/gw" + n + ".example.org/tcp/443/wss/p2p/" + peer(n);
            default -> "/ip6/2001:db8::" + Integer.toHexString(n + 1) + "/udp/4001/quic-v1/p2p/" + peer(n);
        };
    }

    static Currency currency(PalletHarness h) {
        return h.service(Currency.class);
    }

    static BigInteger reserved(PalletHarness h, AccountId who) {
        return currency(h).reservedBalance(h.state(), who);
    }

    static BigInteger free(PalletHarness h, AccountId who) {
        return currency(h).freeBalance(h.state(), who);
    }

    static Map<String, GatewayInfo> gateways(PalletHarness h) {
        Map<String, GatewayInfo> out = new TreeMap<>();
        GatewayStorage.GATEWAYS.page(h.state(), null, Integer.MAX_VALUE).forEach(e -> out.put(e.getKey(),
                e.getValue()));
        return out;
    }

    static Map<Long, List<String>> schedule(PalletHarness h) {
        Map<Long, List<String>> out = new TreeMap<>();
        GatewayStorage.LIVENESS_SCHEDULE.page(h.state(), null, Integer.MAX_VALUE).forEach(e -> out.put(e.getKey(),
                e.getValue()));
        return out;
    }

    /**
     * Every cross-item invariant: count, per-account lists, the sorted bootstrap list, exactly one schedule entry
     * per gateway at its nextCheck (and no other entry, no empty slot), reserves equal to the sum of bonds, and
     * the total issuance equal to the sum of all balances.
     */
    static void assertConsistent(PalletHarness h) {
        Map<String, GatewayInfo> all = gateways(h);
        assertEquals(all.size(), GatewayStorage.gatewayCount(h.state()), "GatewayCount");
        List<String> expected = new ArrayList<>();
        Map<AccountId, Set<String>> byOwner = new HashMap<>();
        Map<AccountId, BigInteger> bonds = new HashMap<>();
        all.forEach((peer, g) -> {
            assertTrue(g.multiaddr().endsWith("/p2p/" + peer), g.multiaddr());
            expected.add(g.multiaddr());
            byOwner.computeIfAbsent(g.owner(), k -> new HashSet<>()).add(peer);
            bonds.merge(g.owner(), g.bond(), BigInteger::add);
        });
        expected.sort(null);
        assertEquals(expected, GatewayStorage.bootstrapList(h.state()), "bootstrap list");
        Map<AccountId, Set<String>> lists = new HashMap<>();
        GatewayStorage.ACCOUNT_GATEWAYS.page(h.state(), null, Integer.MAX_VALUE).forEach(e -> {
            assertEquals(e.getValue().size(), new HashSet<>(e.getValue()).size(), "duplicates in AccountGateways");
            lists.put(e.getKey(), new HashSet<>(e.getValue()));
        });
        assertEquals(byOwner, lists, "AccountGateways");
        Map<String, Long> scheduled = new HashMap<>();
        schedule(h).forEach((slot, peers) -> {
            assertTrue(!peers.isEmpty(), "empty slot " + slot);
            for (String p : peers) {
                assertEquals(null, scheduled.put(p, slot), "scheduled twice: " + p);
            }
        });
        Map<String, Long> nextChecks = new HashMap<>();
        all.forEach((peer, g) -> nextChecks.put(peer, g.nextCheck()));
        assertEquals(nextChecks, scheduled, "one schedule entry per gateway, at its nextCheck");
        BigInteger issuance = BigInteger.ZERO;
        for (var e : SystemStorage.ACCOUNT.page(h.state(), null, Integer.MAX_VALUE)) {
            AccountInfo info = e.getValue();
            issuance = issuance.add(info.data().total());
            assertEquals(bonds.getOrDefault(e.getKey(), BigInteger.ZERO), info.data().reserved(),
                    "reserved balance of " + e.getKey() + " is the sum of its bonds");
        }
        assertEquals(currency(h).totalIssuance(h.state()), issuance, "total issuance");
    }
}
