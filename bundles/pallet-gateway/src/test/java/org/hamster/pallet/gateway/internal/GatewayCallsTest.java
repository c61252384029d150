package org.hamster.pallet.gateway.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.chain.testkit.TestAccounts.DAVE;
import static org.hamster.chain.testkit.TestAccounts.EVE;
import static org.hamster.pallet.gateway.internal.GatewayFixture.BOND;
import static org.hamster.pallet.gateway.internal.GatewayFixture.SLOT;
import static org.hamster.pallet.gateway.internal.GatewayFixture.TOLERANCE;
import static org.hamster.pallet.gateway.internal.GatewayFixture.addr;
import static org.hamster.pallet.gateway.internal.GatewayFixture.assertConsistent;
import static org.hamster.pallet.gateway.internal.GatewayFixture.b;
import static org.hamster.pallet.gateway.internal.GatewayFixture.free;
import static org.hamster.pallet.gateway.internal.GatewayFixture.peer;
import static org.hamster.pallet.gateway.internal.GatewayFixture.reserved;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hamster.chain.DispatchError;
import org.hamster.chain.EventRecord;
import org.hamster.chain.spi.Call;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.ModuleError;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Hex;
import org.hamster.crypto.Twox;
import org.hamster.pallet.balances.BalanceStatus;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.gateway.GatewayCall;
import org.hamster.pallet.gateway.GatewayError;
import org.hamster.pallet.gateway.GatewayEvent;
import org.hamster.pallet.gateway.GatewayInfo;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.gateway.RemovalReason;
import org.junit.jupiter.api.Test;

class GatewayCallsTest {
    private final PalletHarness h = GatewayFixture.harness();
    private final Origin alice = Origin.signed(ALICE);
    private final Origin bob = Origin.signed(BOB);

    private void register(Origin who, int n) throws DispatchException {
        h.dispatch(who, "Gateway", new GatewayCall.RegisterGateway(addr(n)));
    }

    private ModuleError refused(Origin who, Call call) {
        DispatchException e = h.assertNoop(who, "Gateway", call);
        assertConsistent(h);
        return e.moduleError();
    }

    private ModuleError refusedRegistration(Origin who, String multiaddr) {
        return refused(who, new GatewayCall.RegisterGateway(multiaddr));
    }

    @Test
    void storageLivesAtSubstrateKeys() {
        byte[] pallet = Twox.hash128("Gateway".getBytes(StandardCharsets.UTF_8));
        assertEquals(Hex.encode(pallet) + Hex.encode(Twox.hash128("BootstrapList".getBytes(StandardCharsets.UTF_8)))
                .substring(2), Hex.encode(GatewayStorage.BOOTSTRAP_LIST.key()));
        byte[] slotKey = GatewayStorage.LIVENESS_SCHEDULE.key(0x0102030405060708L);
        assertEquals("0102030405060708", Hex.encode(slotKey).substring(Hex.encode(slotKey).length() - 16),
                "slots are Identity-hashed big-endian, so the keys sort by time");
        assertEquals(0x0102030405060708L, GatewayStorage.LIVENESS_SCHEDULE.keyOf(slotKey));
        assertEquals(7, h.palletIndex("Gateway"));
    }

    @Test
    void registerReservesTheBondAndPublishesTheAddress() throws DispatchException {
        long now = h.now();
        register(alice, 1);
        GatewayInfo info = GatewayStorage.GATEWAYS.get(h.state(), peer(1));
        assertEquals(new GatewayInfo(ALICE, addr(1), b(BOND), now, now, (now + TOLERANCE) / SLOT), info);
        assertEquals(List.of(peer(1)), GatewayStorage.ACCOUNT_GATEWAYS.get(h.state(), ALICE));
        assertEquals(1L, GatewayStorage.gatewayCount(h.state()));
        assertEquals(List.of(addr(1)), GatewayStorage.bootstrapList(h.state()));
        assertEquals(List.of(peer(1)), GatewayStorage.LIVENESS_SCHEDULE.get(h.state(), info.nextCheck()));
        assertEquals(b(BOND), reserved(h, ALICE));
        assertEquals(b(100_000 - BOND), free(h, ALICE));
        assertEquals(List.of(new BalancesEvent.Reserved(ALICE, b(BOND)),
                new GatewayEvent.GatewayRegistered(ALICE, peer(1), addr(1))), h.events());
        EventRecord r = h.eventRecords().get(1);
        assertEquals(7, r.palletIndex());
        assertEquals(0, r.eventIndex());
        ScaleWriter w = new ScaleWriter().bytes(ALICE.publicKey()).string(peer(1)).string(addr(1));
        assertArrayEquals(w.toByteArray(), r.fields());
        assertConsistent(h);
    }

    @Test
    void registerStoresTheCanonicalText() throws DispatchException {
        String given = "/dns4/GW.Example.ORG/tcp/443/wss/p2p/" + peer(3);
        h.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(given));
        assertEquals(List.of("/dns4/gw.example.org/tcp/443/wss/p2p/" + peer(3)),
                GatewayStorage.bootstrapList(h.state()));
    }

    @Test
    void theBootstrapListStaysSortedAndReadsInOneValue() throws DispatchException {
        for (int n : new int[] {5, 1, 9, 3, 2}) {
            register(n % 2 == 0 ? bob : alice, n);
        }
        List<String> list = GatewayStorage.bootstrapList(h.state());
        assertEquals(list.stream().sorted().toList(), list);
        assertEquals(5, list.size());
        byte[] raw = h.state().get(GatewayStorage.BOOTSTRAP_LIST.key());
        assertEquals(list, GatewayStorage.bootstrapList(raw), "the client decodes the raw storage value");
        assertEquals(List.of(), GatewayStorage.bootstrapList((byte[]) null));
        h.dispatch(alice, "Gateway", new GatewayCall.Deregister(peer(9)));
        assertEquals(list.stream().filter(a -> !a.equals(addr(9))).toList(), GatewayStorage.bootstrapList(h.state()));
        assertConsistent(h);
    }

    @Test
    void malformedAddressesAreRefusedWithTheirReason() {
        String p = peer(1);
        assertSame(GatewayError.InvalidMultiaddr, refusedRegistration(alice, "ip4/1.2.3.4/tcp/1/p2p/" + p));
        assertSame(GatewayError.InvalidMultiaddr, refused(alice, new GatewayCall.RegisterGateway(new byte[] {
            '/', (byte) 0xc3, 0x28})));
        assertSame(GatewayError.InvalidMultiaddr, refused(alice, new GatewayCall.RegisterGateway(new byte[0])));
        assertSame(GatewayError.UnsupportedProtocol, refusedRegistration(alice, "/ip4/1.2.3.4/tcp/1/tls/p2p/" + p));
        assertSame(GatewayError.MissingPeerId, refusedRegistration(alice, "/ip4/1.2.3.4/tcp/4001"));
        assertSame(GatewayError.InvalidPeerId, refusedRegistration(alice, "/ip4/1.2.3.4/tcp/1/p2p/QmNope"));
        assertSame(GatewayError.UndialableAddress, refusedRegistration(alice, "/ip4/0.0.0.0/tcp/1/p2p/" + p));
        assertSame(GatewayError.MultiaddrTooLong, refusedRegistration(alice, "/dns4/" + "a".repeat(63) + "."
                + "b".repeat(63) + "." + "c".repeat(63) + ".org/tcp/1/p2p/" + p));
        assertFalse(h.events().stream().anyMatch(e -> e instanceof GatewayEvent));
    }

    @Test
    void publicChainsRefuseLocalHosts() throws DispatchException {
        PalletHarness pub = GatewayFixture.harness(GatewayFixture.CONSTANTS.replace("\"publicAddressesOnly\": false",
                "\"publicAddressesOnly\": true"), GatewayFixture.BLOCK);
        for (String host : List.of("/ip4/127.0.0.1", "/ip4/192.168.0.2", "/dns/localhost", "/ip6/::1")) {
            DispatchException e = pub.assertNoop(alice, "Gateway", new GatewayCall.RegisterGateway(host
                    + "/tcp/4001/p2p/" + peer(1)));
            assertSame(GatewayError.NonPublicAddress, e.moduleError(), host);
        }
        pub.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway("/ip4/8.8.8.8/tcp/4001/p2p/" + peer(1)));
        assertConsistent(pub);
    }

    @Test
    void onePeerIdOneRegistration() throws DispatchException {
        register(alice, 1);
        assertSame(GatewayError.GatewayAlreadyRegistered, refusedRegistration(alice, addr(1)));
        assertSame(GatewayError.GatewayAlreadyRegistered, refusedRegistration(bob, addr(1)));
        assertSame(GatewayError.GatewayAlreadyRegistered,
                refusedRegistration(bob, "/ip4/8.8.4.4/tcp/9/p2p/" + peer(1)), "same peer, another address");
        assertEquals(b(0), reserved(h, BOB));
    }

    @Test
    void registrationIsBoundedPerChainAndPerAccount() throws DispatchException {
        PalletHarness small = GatewayFixture.harness(GatewayFixture.CONSTANTS.replace("\"maxGateways\": 1000",
                "\"maxGateways\": 3").replace("\"maxGatewaysPerAccount\": 8", "\"maxGatewaysPerAccount\": 2"),
                GatewayFixture.BLOCK);
        small.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(1)));
        small.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(2)));
        assertSame(GatewayError.TooManyGatewaysForAccount,
                small.assertNoop(alice, "Gateway", new GatewayCall.RegisterGateway(addr(3))).moduleError());
        small.dispatch(bob, "Gateway", new GatewayCall.RegisterGateway(addr(3)));
        assertSame(GatewayError.TooManyGateways,
                small.assertNoop(bob, "Gateway", new GatewayCall.RegisterGateway(addr(4))).moduleError());
        small.dispatch(alice, "Gateway", new GatewayCall.Deregister(peer(1)));
        small.dispatch(bob, "Gateway", new GatewayCall.RegisterGateway(addr(4)));
        assertEquals(3L, GatewayStorage.gatewayCount(small.state()));
        assertConsistent(small);
    }

    @Test
    void theBondMustBeAffordable() {
        assertSame(GatewayError.InsufficientBond, refusedRegistration(Origin.signed(EVE), addr(1)),
                "500 free for a bond of 1000");
        assertSame(GatewayError.InsufficientBond, refusedRegistration(Origin.signed(DAVE), addr(1)),
                "1005 free would leave 5, below the ED of 10");
        assertSame(GatewayError.InsufficientBond, refusedRegistration(Origin.signed(TestAccounts.numbered(77)),
                addr(1)), "an account that does not exist");
    }

    @Test
    void onlySignedOriginsRegisterAndHeartbeat() throws DispatchException {
        register(alice, 1);
        for (Origin o : List.of(Origin.ROOT, Origin.NONE)) {
            for (Call c : List.of(new GatewayCall.RegisterGateway(addr(2)), new GatewayCall.Heartbeat(peer(1)),
                    new GatewayCall.Deregister(peer(1)))) {
                DispatchException e = h.assertNoop(o, "Gateway", c);
                assertEquals(DispatchError.Kind.BAD_ORIGIN, e.systemError().kind());
            }
        }
        DispatchException e = h.assertNoop(alice, "Gateway", new GatewayCall.ForceRemove(peer(1), 0));
        assertEquals(DispatchError.Kind.BAD_ORIGIN, e.systemError().kind());
    }

    @Test
    void heartbeatMovesTheDeadlineOfTheOwnersGatewayOnly() throws DispatchException {
        register(alice, 1);
        long registered = h.now();
        h.nextBlock();
        h.nextBlock();
        h.dispatch(alice, "Gateway", new GatewayCall.Heartbeat(peer(1)));
        GatewayInfo info = GatewayStorage.GATEWAYS.get(h.state(), peer(1));
        assertEquals(h.now(), info.lastHeartbeat());
        assertEquals(registered, info.registeredAt());
        assertEquals((registered + TOLERANCE) / SLOT, info.nextCheck(), "the schedule is only touched lazily");
        assertEquals(List.of(new GatewayEvent.Heartbeat(ALICE, peer(1))), h.events());
        assertSame(GatewayError.NotOwner, refused(bob, new GatewayCall.Heartbeat(peer(1))));
        assertSame(GatewayError.NotFound, refused(alice, new GatewayCall.Heartbeat(peer(2))));
        assertSame(GatewayError.NotFound, refused(alice, new GatewayCall.Heartbeat(addr(1))), "a multiaddr is no peer id");
        assertSame(GatewayError.NotFound, refused(alice, new GatewayCall.Heartbeat(new byte[0])));
        assertSame(GatewayError.NotFound, refused(alice, new GatewayCall.Heartbeat(new byte[] {(byte) 0xff, 0x31})));
        assertSame(GatewayError.NotFound, refused(alice, new GatewayCall.Heartbeat(new byte[5000])));
        assertConsistent(h);
    }

    @Test
    void deregisterReturnsTheWholeBondAndLeavesNoTrace() throws DispatchException {
        var empty = h.snapshot();
        register(alice, 1);
        register(alice, 2);
        assertSame(GatewayError.NotOwner, refused(bob, new GatewayCall.Deregister(peer(1))));
        assertSame(GatewayError.NotFound, refused(alice, new GatewayCall.Deregister(peer(3))));
        h.nextBlock();
        h.dispatch(alice, "Gateway", new GatewayCall.Deregister(peer(1)));
        assertEquals(List.of(new BalancesEvent.Unreserved(ALICE, b(BOND)),
                new GatewayEvent.GatewayDeregistered(ALICE, peer(1))), h.events());
        assertEquals(b(BOND), reserved(h, ALICE));
        assertConsistent(h);
        h.dispatch(alice, "Gateway", new GatewayCall.Deregister(peer(2)));
        assertEquals(b(0), reserved(h, ALICE));
        assertEquals(b(100_000), free(h, ALICE));
        assertEquals(empty.keySet().stream().filter(k -> !isTimestamp(k)).toList(),
                h.snapshot().keySet().stream().filter(k -> !isTimestamp(k)).toList(), "no storage item left behind");
        assertSame(GatewayError.NotFound, refused(alice, new GatewayCall.Deregister(peer(2))));
        register(bob, 2);
        assertEquals(BOB, GatewayStorage.GATEWAYS.get(h.state(), peer(2)).owner(), "the peer id is free again");
        assertConsistent(h);
    }

    private static boolean isTimestamp(org.hamster.common.Bytes key) {
        return key.startsWith(Twox.hash128("Timestamp".getBytes(StandardCharsets.UTF_8)))
                || key.startsWith(Twox.hash128("System".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rootForceRemovesWithAPenaltyToTheTreasury() throws DispatchException {
        register(alice, 1);
        register(bob, 2);
        // the treasury account does not exist yet: the penalty is slashed and then creates it
        int mark = h.events().size();
        h.dispatch(Origin.ROOT, "Gateway", new GatewayCall.ForceRemove(peer(1), 40));
        assertEquals(List.of(new BalancesEvent.Slashed(ALICE, b(400)),
                new org.hamster.pallet.system.SystemEvent.NewAccount(GatewayStorage.TREASURY),
                new BalancesEvent.Endowed(GatewayStorage.TREASURY, b(400)),
                new BalancesEvent.Deposit(GatewayStorage.TREASURY, b(400)),
                new BalancesEvent.Unreserved(ALICE, b(600)),
                new GatewayEvent.GatewayRemoved(ALICE, peer(1), RemovalReason.Forced, b(400))),
                h.events().subList(mark, h.events().size()));
        assertEquals(b(400), free(h, GatewayStorage.TREASURY));
        assertEquals(b(100_000 - 400), free(h, ALICE));
        assertConsistent(h);
        h.nextBlock();
        h.dispatch(Origin.ROOT, "Gateway", new GatewayCall.ForceRemove(peer(2), 100));
        assertEquals(List.of(new BalancesEvent.ReserveRepatriated(BOB, GatewayStorage.TREASURY, b(1000),
                BalanceStatus.FREE), new GatewayEvent.GatewayRemoved(BOB, peer(2), RemovalReason.Forced, b(1000))),
                h.events(), "the treasury exists now: the whole bond is repatriated");
        assertEquals(b(1400), free(h, GatewayStorage.TREASURY));
        assertSame(GatewayError.InvalidPenalty, refused(Origin.ROOT, new GatewayCall.ForceRemove(peer(2), 101)));
        assertSame(GatewayError.NotFound, refused(Origin.ROOT, new GatewayCall.ForceRemove(peer(2), 0)));
        assertConsistent(h);
    }

    @Test
    void aPenaltyTooSmallForANewTreasuryIsBurnt() throws DispatchException {
        PalletHarness tiny = GatewayFixture.harness(GatewayFixture.CONSTANTS.replace("\"gatewayBond\": \"1000\"",
                "\"gatewayBond\": \"50\""), GatewayFixture.BLOCK);
        BigInteger issuance = tiny.service(org.hamster.pallet.balances.Currency.class).totalIssuance(tiny.state());
        tiny.dispatch(alice, "Gateway", new GatewayCall.RegisterGateway(addr(1)));
        tiny.dispatch(Origin.ROOT, "Gateway", new GatewayCall.ForceRemove(peer(1), 10));
        assertEquals(new GatewayEvent.GatewayRemoved(ALICE, peer(1), RemovalReason.Forced, b(5)), tiny.lastEvent());
        assertNull(org.hamster.pallet.system.SystemStorage.ACCOUNT.get(tiny.state(), GatewayStorage.TREASURY));
        assertEquals(issuance.subtract(b(5)), tiny.service(org.hamster.pallet.balances.Currency.class)
                .totalIssuance(tiny.state()), "5 below the ED of 10 cannot open the treasury: burnt");
        assertConsistent(tiny);
    }

    @Test
    void aDeadlineBeyondTheClockOverflowsCleanly() {
        PalletHarness late = GatewayFixture.builder(GatewayFixture.CONSTANTS.replace("\"heartbeatIntervalMs\": 60000",
                "\"heartbeatIntervalMs\": 86400000").replace("\"heartbeatToleranceMs\": 180000",
                "\"heartbeatToleranceMs\": 2592000000"), GatewayFixture.BLOCK)
                .genesisTime(Long.MAX_VALUE - 1_000_000_000L).build();
        DispatchException e = late.assertNoop(alice, "Gateway", new GatewayCall.RegisterGateway(addr(1)));
        assertEquals(DispatchError.Kind.ARITHMETIC, e.systemError().kind());
    }

    @Test
    void errorsCarryThePalletIndexAndVariant() {
        DispatchException e = h.assertNoop(alice, "Gateway", new GatewayCall.Heartbeat(peer(1)));
        DispatchError err = h.errorOf(e);
        assertEquals(DispatchError.Kind.MODULE, err.kind());
        assertEquals(7, err.palletIndex());
        assertEquals(GatewayError.NotFound.ordinal(), err.detail());
        assertEquals("Gateway.NotFound", err.description());
    }

    @Test
    void callsRoundTripThroughTheirEncoding() throws DispatchException {
        byte[] encoded = h.encodeCall("Gateway", new GatewayCall.ForceRemove(peer(1), 7));
        ScaleWriter w = new ScaleWriter().u8(7).u8(3).string(peer(1)).u8(7);
        assertArrayEquals(w.toByteArray(), encoded);
        register(alice, 1);
        h.dispatch(Origin.ROOT, h.encodeCall("Gateway", new GatewayCall.ForceRemove(peer(1), 7)));
        assertEquals(new GatewayEvent.GatewayRemoved(ALICE, peer(1), RemovalReason.Forced, b(70)), h.lastEvent());
    }
}
