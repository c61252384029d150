package org.hamster.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamster.chain.AccountId;
import org.hamster.common.Bytes;
import org.hamster.compute.Machine;
import org.hamster.compute.SshPublicKey;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    static final AccountId ME = AccountId.of(Ed25519.generate().publicKey());
    static final AccountId OTHER = AccountId.of(Ed25519.generate().publicKey());
    static final AccountId TENANT = AccountId.of(Ed25519.generate().publicKey());
    static final String KEY = "ssh-ed25519 " + blob();
    static final long HOUR = 3_600_000;
    static final String SCOPE = Plan.scope("12D3KooWJqGXsUMLXB694ueGpMWQkpsjVWayFpffQQQvyCoZTUMW");
    private final Reconciler r = new Reconciler(60_000, SCOPE);

    static String lease(long order) {
        return Plan.leaseId(SCOPE, order);
    }

    static String blob() {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4 + type.length + 36).putInt(type.length)
                .put(type).putInt(32).put(new byte[32]).array());
    }

    static Order order(long id, AccountId provider, OrderStatus status, boolean renewal, Long agreement, String key) {
        return new Order(id, TENANT, provider, 5, 2, BigInteger.TEN, BigInteger.valueOf(20),
                Bytes.of(key.getBytes(StandardCharsets.UTF_8)), 0, status, renewal, agreement);
    }

    static RentalAgreement agreement(long id, long order, AgreementStatus status, long lastHeartbeat) {
        return new RentalAgreement(id, order, ME, TENANT, 5, BigInteger.TEN, 0, 2 * HOUR, 0, lastHeartbeat,
                BigInteger.valueOf(20), BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(20), status,
                Bytes.of(KEY.getBytes(StandardCharsets.UTF_8)), 0);
    }

    static Machine machine(long order, Machine.State state) {
        return new Machine(lease(order), "docker", "c" + order, state, 22000, Instant.EPOCH);
    }

    private List<Plan> plan(List<Order> orders, List<RentalAgreement> agreements, List<Machine> machines,
            Set<String> unavailable, Map<Long, Long> sent, long now) {
        return r.plan(new Reconciler.ChainView(ME, orders, agreements, now), new Reconciler.Machines(machines,
                unavailable, Set.of()), sent, now);
    }

    @Test
    void aNewOrderGetsAMachineThenIsExecuted() {
        Order o = order(1, ME, OrderStatus.PENDING, false, null, KEY);
        assertEquals(List.of(new Plan.Create(lease(1), 1, 5, SshPublicKey.parse(KEY), true)),
                plan(List.of(o), List.of(), List.of(), Set.of(), Map.of(), 1000));
        assertEquals(List.of(new Plan.Exec(lease(1), 1)),
                plan(List.of(o), List.of(), List.of(machine(1, Machine.State.RUNNING)), Set.of(), Map.of(), 1000));
    }

    @Test
    void ordersOfOthersAndClosedOnesAreNotOurs() {
        assertEquals(List.of(), plan(List.of(order(1, OTHER, OrderStatus.PENDING, false, null, KEY),
                order(2, ME, OrderStatus.CANCELED, false, null, KEY)), List.of(), List.of(), Set.of(), Map.of(), 0));
        assertEquals(List.of(), plan(List.of(order(3, ME, OrderStatus.PENDING, false, null, "rm -rf /")), List.of(),
                List.of(), Set.of(), Map.of(), 0), "an order with an unusable key is not served");
    }

    @Test
    void aRunningAgreementKeepsItsMachineAndIsHeartbeatedWhenDue() {
        RentalAgreement a = agreement(9, 1, AgreementStatus.USING, 0);
        List<Machine> m = List.of(machine(1, Machine.State.RUNNING));
        assertEquals(List.of(), plan(List.of(), List.of(a), m, Set.of(), Map.of(), 59_999));
        assertEquals(List.of(new Plan.Heartbeat(9)), plan(List.of(), List.of(a), m, Set.of(), Map.of(), 60_000));
        assertEquals(List.of(), plan(List.of(), List.of(a), m, Set.of(), Map.of(9L, 30_000L), 60_000),
                "one sent half an interval ago is still in flight");
        assertEquals(List.of(), plan(List.of(), List.of(a), m, Set.of(), Map.of(), 2 * HOUR),
                "none once the agreement reached its end: the chain finishes it");
        // a lost machine is recreated; a stopped one started; a failed one replaced
        assertEquals(List.of(new Plan.Create(lease(1), 1, 5, SshPublicKey.parse(KEY), false)),
                plan(List.of(), List.of(a), List.of(), Set.of(), Map.of(), 10));
        assertEquals(List.of(new Plan.Start(lease(1))),
                plan(List.of(), List.of(a), List.of(machine(1, Machine.State.STOPPED)), Set.of(), Map.of(), 10));
        assertEquals(List.of(new Plan.Destroy(lease(1), "its machine failed; it is created again")),
                plan(List.of(), List.of(a), List.of(machine(1, Machine.State.FAILED)), Set.of(), Map.of(), 10));
    }

    @Test
    void machinesNothingNeedsAreDestroyed() {
        RentalAgreement done = agreement(9, 1, AgreementStatus.FINISHED, 0);
        List<Plan> p = plan(List.of(order(2, ME, OrderStatus.CANCELED, false, null, KEY)), List.of(done),
                List.of(machine(1, Machine.State.RUNNING), machine(2, Machine.State.RUNNING)), Set.of(), Map.of(), 0);
        assertEquals(List.of(new Plan.Destroy(lease(1), "no pending order or running agreement needs it"),
                new Plan.Destroy(lease(2), "no pending order or running agreement needs it")), p);
    }

    @Test
    void machinesOfAnotherProviderOnTheSameHostAreNeverTouched() {
        Machine theirs = new Machine(Plan.leaseId(Plan.scope("12D3KooWQ5Y24iqKwZ95EGhdDwCV1RAAkq6d5jW9UyNHuUAVMpos"),
                1), "docker", "x", Machine.State.RUNNING, 22001, Instant.EPOCH);
        assertEquals("UAVMpos", Plan.scope("UAVMpos"), "short ids are their own scope");
        assertEquals(List.of(), plan(List.of(), List.of(), List.of(theirs, new Machine("order-7", "docker", "y",
                Machine.State.FAILED, 22002, Instant.EPOCH)), Set.of(), Map.of(), 0));
        Order o = order(1, ME, OrderStatus.PENDING, false, null, KEY);
        assertEquals(List.of(new Plan.Create(lease(1), 1, 5, SshPublicKey.parse(KEY), true)),
                plan(List.of(o), List.of(), List.of(theirs), Set.of(), Map.of(), 0), "their order-1 is not ours");
    }

    @Test
    void recordsOfOverLeasesAreForgottenOnceTheirMachineIsGone() {
        RentalAgreement a = agreement(9, 1, AgreementStatus.USING, 0);
        List<Plan> p = r.plan(new Reconciler.ChainView(ME, List.of(), List.of(a), 10), new Reconciler.Machines(
                List.of(machine(1, Machine.State.RUNNING)), Set.of(lease(3)), Set.of(lease(1), lease(2),
                        lease(3))), Map.of(), 10);
        assertEquals(List.of(new Plan.Forget(lease(2))), p, "order-1 runs, order-3's backend is away");
    }

    @Test
    void leasesOnAMissingBackendAreLeftAlone() {
        RentalAgreement a = agreement(9, 1, AgreementStatus.USING, 0);
        assertEquals(List.of(new Plan.Heartbeat(9)),
                plan(List.of(), List.of(a), List.of(), Set.of(lease(1)), Map.of(), HOUR),
                "not recreated elsewhere, still heartbeated");
    }

    @Test
    void renewalsOfRunningAgreementsAreExecuted() {
        RentalAgreement a = agreement(9, 1, AgreementStatus.USING, 0);
        Order renewal = order(3, ME, OrderStatus.PENDING, true, 9L, "");
        assertEquals(List.of(new Plan.ExecRenewal(3, 9)), plan(List.of(renewal), List.of(a),
                List.of(machine(1, Machine.State.RUNNING)), Set.of(), Map.of(), 10));
        assertEquals(List.of(), plan(List.of(order(4, ME, OrderStatus.PENDING, true, 77L, "")), List.of(), List.of(),
                Set.of(), Map.of(), 10), "a renewal of an agreement that is not running is not executed");
    }
}
