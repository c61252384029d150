package org.hamster.provider.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamster.chain.AccountId;
import org.hamster.compute.Machine;
import org.hamster.compute.SshPublicKey;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what the provider does from what the chain says and what the backends run; no I/O, so it is the same
 * after a crash as before. The chain is the truth: a pending order of ours gets a machine and is executed once it
 * runs; a running agreement keeps (or gets back) its machine and is heartbeated; a machine neither needs is
 * destroyed. Machines on a backend that is not installed now are left alone: nothing is created twice and nothing
 * is torn down blind. Only a complete, successful chain read may be planned on; a failed read plans nothing.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /** The provider's view of the chain at one block. */
    record ChainView(AccountId me, List<Order> orders, List<RentalAgreement> agreements, long chainNowMs) {
    }

    /**
     * What the backends run; {@code unavailable} holds the lease ids recorded on backends not installed now,
     * {@code recorded} every lease id in the provider's table.
     */
    record Machines(List<Machine> running, Set<String> unavailable, Set<String> recorded) {
    }

    private final long heartbeatIntervalMs;
    private final String scope;

    /** @param scope this provider's {@link Plan#scope}: machines of other scopes are never touched */
    Reconciler(long heartbeatIntervalMs, String scope) {
        this.heartbeatIntervalMs = heartbeatIntervalMs;
        this.scope = scope;
    }

    /**
     * @param lastSent when this provider last sent a heartbeat per agreement (wall-clock ms), so that one in
     *     flight is not sent again
     */
    List<Plan> plan(ChainView chain, Machines machines, Map<Long, Long> lastSent, long nowMs) {
        List<Machine> mine = machines.running().stream().filter(m -> Plan.ours(scope, m.leaseId())).toList();
        Map<String, Machine> byLease = new HashMap<>();
        mine.forEach(m -> byLease.put(m.leaseId(), m));
        Set<String> needed = new HashSet<>();
        List<Plan> plan = new ArrayList<>();
        Map<Long, RentalAgreement> using = new HashMap<>();
        for (RentalAgreement a : chain.agreements()) {
            if (a.status() == AgreementStatus.USING && a.provider().equals(chain.me())) {
                using.put(a.id(), a);
            }
        }
        for (Order o : chain.orders()) {
            if (o.status() != OrderStatus.PENDING || !o.provider().equals(chain.me())) {
                continue;
            }
            if (o.renewal()) {
                if (o.agreement() != null && using.containsKey(o.agreement())) {
                    plan.add(new Plan.ExecRenewal(o.id(), o.agreement()));
                }
                continue;
            }
            String lease = Plan.leaseId(scope, o.id());
            needed.add(lease);
            ensure(plan, lease, o.id(), o.resource(), o.sshPublicKey().toArray(), byLease.get(lease), machines, true);
        }
        for (RentalAgreement a : using.values()) {
            String lease = Plan.leaseId(scope, a.order());
            needed.add(lease);
            ensure(plan, lease, a.order(), a.resource(), a.sshPublicKey().toArray(), byLease.get(lease), machines,
                    false);
            long sent = lastSent.getOrDefault(a.id(), 0L);
            boolean ended = chain.chainNowMs() >= a.end(); // the chain settles and finishes it at its end
            if (!ended && chain.chainNowMs() - a.lastHeartbeat() >= heartbeatIntervalMs
                    && nowMs - sent >= heartbeatIntervalMs) {
                plan.add(new Plan.Heartbeat(a.id()));
            }
        }
        for (Machine m : mine) {
            if (!needed.contains(m.leaseId())) {
                plan.add(new Plan.Destroy(m.leaseId(), "no pending order or running agreement needs it"));
            }
        }
        for (String lease : new java.util.TreeSet<>(machines.recorded())) {
            if (!needed.contains(lease) && !byLease.containsKey(lease) && !machines.unavailable().contains(lease)) {
                plan.add(new Plan.Forget(lease));
            }
        }
        return plan;
    }

    private static void ensure(List<Plan> plan, String lease, long order, long resource, byte[] keyBytes,
            Machine machine, Machines machines, boolean pending) {
        if (machines.unavailable().contains(lease)) {
            return; // its backend is not installed now: leave it for when it comes back
        }
        if (machine == null) {
            SshPublicKey key;
            try {
                key = SshPublicKey.parse(new String(keyBytes, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                LOG.warn("provider: order {} carries an unusable SSH key ({}); not serving it", order, e.getMessage());
                return;
            }
            plan.add(new Plan.Create(lease, order, resource, key, pending));
        } else if (machine.state() == Machine.State.FAILED) {
            plan.add(new Plan.Destroy(lease, "its machine failed; it is created again"));
        } else if (machine.state() == Machine.State.STOPPED) {
            plan.add(new Plan.Start(lease));
        } else if (pending && machine.state() == Machine.State.RUNNING) {
            plan.add(new Plan.Exec(lease, order));
        }
    }
}
