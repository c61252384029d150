package org.hamster.provider.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientException;
import org.hamster.chain.client.ExtrinsicFailedException;
import org.hamster.chain.client.Market;
import org.hamster.chain.client.TransactionInvalidException;
import org.hamster.chain.client.TxInBlock;
import org.hamster.common.HamsterException;
import org.hamster.compute.ComputeBackend;
import org.hamster.compute.ComputeException;
import org.hamster.compute.Machine;
import org.hamster.compute.MachineSpec;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.timestamp.TimestampStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile cycle at a time: reads the chain (orders and agreements of this provider, chain time) and the
 * backends' machines, asks the {@link Reconciler} what to do and does it. A chain read that fails ends the cycle
 * before anything is planned: an unreachable node is "unknown", never "lease closed". Not thread-safe: the
 * provider runs cycles on one thread.
 */
final class LeaseKeeper {
    /** What the keeper needs of the provider component. */
    interface Context {
        ChainClient chain();

        Ed25519.KeyPair key();

        Map<String, ComputeBackend> backends();

        String backendForNewLeases();

        /** The machine for a lease of {@code resource} (its CPU, memory and disk as registered on chain). */
        MachineSpec spec(String leaseId, long resource, org.hamster.compute.SshPublicKey key, int sshPort)
                throws ChainClientException;

        int[] portRange();
    }

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    private final Context ctx;
    private final LeaseTable table;
    private final Reconciler reconciler;
    private final String scope;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private volatile Map<String, String> machineStates = Map.of();
    /** SSH ports of every machine on the backends, other providers' included: a new lease takes none of them. */
    private final Set<Integer> portsInUse = ConcurrentHashMap.newKeySet();

    /** A running agreement the forward service may connect to. */
    record Running(long agreement, AccountId tenant, String leaseId) {
    }

    LeaseKeeper(Context ctx, LeaseTable table, long heartbeatIntervalMs, String scope) {
        this.ctx = ctx;
        this.table = table;
        this.scope = scope;
        this.reconciler = new Reconciler(heartbeatIntervalMs, scope);
    }

    /** The SSH port of a running agreement's machine, if {@code tenant} is its tenant. */
    Optional<Integer> sshPort(long agreement, AccountId tenant) {
        Running r = running.get(agreement);
        if (r == null || !r.tenant().equals(tenant)) {
            return Optional.empty();
        }
        return table.get(r.leaseId()).map(LeaseTable.Lease::sshPort);
    }

    Map<String, String> machineStates() {
        return machineStates;
    }

    /** One cycle; returns false if the chain could not be read (nothing was done). */
    boolean cycle() throws HamsterException {
        AccountId me = AccountId.of(ctx.key().publicKey());
        Market market = ctx.chain().market();
        Reconciler.ChainView view;
        try {
            long now = ChainClient.await(ctx.chain().storage(TimestampStorage.NOW.key())).map(LeaseKeeper::u64)
                    .orElse(0L);
            view = new Reconciler.ChainView(me, ChainClient.await(market.ordersOfProvider(me)),
                    ChainClient.await(market.agreementsOfProvider(me)), now);
        } catch (ChainClientException e) {
            LOG.warn("provider: chain state unknown ({}); no lease is changed until it can be read", e.getMessage());
            return false;
        }
        Map<Long, Running> nowRunning = new ConcurrentHashMap<>();
        for (RentalAgreement a : view.agreements()) {
            if (a.status() == AgreementStatus.USING) {
                nowRunning.put(a.id(), new Running(a.id(), a.tenant(), Plan.leaseId(scope, a.order())));
            }
        }
        running.keySet().retainAll(nowRunning.keySet());
        running.putAll(nowRunning);
        Reconciler.Machines machines = machines();
        Map<Long, Long> sent = new java.util.HashMap<>();
        table.all().forEach(l -> {
            if (l.agreement() >= 0) {
                sent.put(l.agreement(), l.lastHeartbeatMs());
            }
        });
        List<Plan> steps = reconciler.plan(view, machines, sent, System.currentTimeMillis());
        heartbeats(steps.stream().filter(Plan.Heartbeat.class::isInstance).map(Plan.Heartbeat.class::cast).toList(),
                market);
        for (Plan step : steps) {
            if (step instanceof Plan.Heartbeat) {
                continue;
            }
            try {
                apply(step, market);
            } catch (TransactionInvalidException e) {
                LOG.warn("provider: {} refused by the chain: {}", step, e.callError() != null ? e.callError()
                        : e.getMessage());
            } catch (ChainClientException e) {
                LOG.warn("provider: {} not done, the chain did not answer ({}); retried next cycle", step,
                        e.getMessage());
                return true;
            } catch (ComputeException | HamsterException | RuntimeException e) {
                LOG.warn("provider: {} failed: {}", step, e.getMessage());
            }
        }
        return true;
    }

    private Reconciler.Machines machines() {
        portsInUse.clear();
        List<Machine> all = new ArrayList<>();
        Map<String, String> states = new java.util.HashMap<>();
        Set<String> available = new HashSet<>();
        for (ComputeBackend b : ctx.backends().values()) {
            try {
                for (Machine m : b.list()) {
                    all.add(m);
                    portsInUse.add(m.sshPort());
                    states.put(m.leaseId(), m.state().name());
                }
                available.add(b.name());
            } catch (ComputeException e) {
                LOG.warn("provider: backend {} cannot list its machines ({}); its leases are left alone",
                        b.name(), e.getMessage());
            }
        }
        Set<String> unavailable = new HashSet<>();
        for (LeaseTable.Lease l : table.all()) {
            if (!available.contains(l.backend())) {
                unavailable.add(l.leaseId());
                states.put(l.leaseId(), "UNKNOWN");
            } else {
                states.putIfAbsent(l.leaseId(), "MISSING");
            }
        }
        machineStates = Map.copyOf(states);
        Set<String> recorded = new HashSet<>();
        table.all().forEach(l -> recorded.add(l.leaseId()));
        return new Reconciler.Machines(all, unavailable, recorded);
    }

    private void apply(Plan step, Market market) throws ChainClientException, ComputeException, HamsterException {
        if (step instanceof Plan.Create c) {
            create(c);
            if (c.thenExec()) {
                exec(new Plan.Exec(c.leaseId(), c.order()), market);
            }
        } else if (step instanceof Plan.Exec e) {
            exec(e, market);
        } else if (step instanceof Plan.ExecRenewal r) {
            ChainClient.await(ctx.chain().signer().submitAndWaitInBlock(ctx.key(), market.calls().execOrder(r.order())));
            LOG.info("provider: renewal order {} executed; agreement {} extended", r.order(), r.agreement());
        } else if (step instanceof Plan.Start s) {
            backendOf(s.leaseId()).start(s.leaseId());
        } else if (step instanceof Plan.Destroy d) {
            destroy(d.leaseId(), d.why());
        } else if (step instanceof Plan.Forget f) {
            table.remove(f.leaseId());
            LOG.info("provider: lease {} is over", f.leaseId());
        }
    }

    /**
     * Sends every due heartbeat at once (the signer gives each its own nonce) and then waits for them all, so that
     * any number of leases is proven alive within about one block.
     */
    private void heartbeats(List<Plan.Heartbeat> beats, Market market) throws HamsterException {
        Map<Plan.Heartbeat, CompletableFuture<TxInBlock>> sent = new LinkedHashMap<>();
        for (Plan.Heartbeat h : beats) {
            sent.put(h, ctx.chain().signer().submitAndWaitInBlock(ctx.key(), market.calls().heartbeat(h.agreement())));
        }
        for (Map.Entry<Plan.Heartbeat, CompletableFuture<TxInBlock>> e : sent.entrySet()) {
            long agreement = e.getKey().agreement();
            try {
                ChainClient.await(e.getValue());
                Optional<LeaseTable.Lease> l = table.byAgreement(agreement);
                if (l.isPresent()) {
                    table.put(l.get().withHeartbeat(System.currentTimeMillis()));
                }
                LOG.debug("provider: heartbeat for agreement {}", agreement);
            } catch (TransactionInvalidException x) {
                LOG.warn("provider: heartbeat of agreement {} refused by the chain: {}", agreement,
                        x.callError() != null ? x.callError() : x.getMessage());
            } catch (ExtrinsicFailedException x) {
                LOG.warn("provider: heartbeat of agreement {} failed in its block: {}", agreement, x.errorName());
            } catch (ChainClientException x) {
                LOG.warn("provider: heartbeat of agreement {} not done ({}); retried next cycle", agreement,
                        x.getMessage());
            }
        }
    }

    private void create(Plan.Create c) throws ComputeException, HamsterException, ChainClientException {
        Optional<LeaseTable.Lease> known = table.get(c.leaseId());
        String backendName = known.map(LeaseTable.Lease::backend).orElse(ctx.backendForNewLeases());
        ComputeBackend backend = ctx.backends().get(backendName);
        if (backend == null) {
            throw new ComputeException("backend '" + backendName + "' is not installed (feature hamster-backend-"
                    + backendName + ")");
        }
        int port = known.map(LeaseTable.Lease::sshPort).orElseGet(() -> table.freePort(ctx.portRange()[0],
                ctx.portRange()[1], portsInUse));
        if (port < 0) {
            throw new ComputeException("no free SSH port left in " + ctx.portRange()[0] + "-" + ctx.portRange()[1]);
        }
        if (known.isEmpty()) { // recorded first: after a crash the machine is found under its backend and port
            table.put(new LeaseTable.Lease(c.leaseId(), c.order(), -1, c.resource(), "", backendName, port,
                    System.currentTimeMillis(), 0));
        }
        long t0 = System.nanoTime();
        Machine m = backend.create(ctx.spec(c.leaseId(), c.resource(), c.key(), port));
        LOG.info("provider: machine for {} running on {} at {}:{} ({} ms)", c.leaseId(), backendName,
                Machine.SSH_HOST, m.sshPort(), (System.nanoTime() - t0) / 1_000_000);
    }

    private void exec(Plan.Exec e, Market market) throws ChainClientException, ComputeException, HamsterException {
        TxInBlock r;
        try {
            r = ChainClient.await(ctx.chain().signer().submitAndWaitInBlock(ctx.key(),
                    market.calls().execOrder(e.order())));
        } catch (ExtrinsicFailedException x) {
            destroy(e.leaseId(), "executing order " + e.order() + " failed: " + x.errorName());
            return;
        }
        for (ResourceOrderEvent ev : market.orderEvents(r.events())) {
            if (ev instanceof ResourceOrderEvent.AgreementStarted s && s.order() == e.order()) {
                Optional<LeaseTable.Lease> l = table.get(e.leaseId());
                if (l.isPresent()) {
                    table.put(l.get().withAgreement(s.agreement(), s.tenant().ss58()).withHeartbeat(System.currentTimeMillis()));
                }
                running.put(s.agreement(), new Running(s.agreement(), s.tenant(), e.leaseId()));
                LOG.info("provider: order {} executed: agreement {} for {}", e.order(), s.agreement(), s.tenant());
            }
        }
    }

    private void destroy(String leaseId, String why) throws ComputeException, HamsterException {
        backendOf(leaseId).destroy(leaseId); // a no-op if that backend has no such machine
        table.remove(leaseId);
        LOG.info("provider: machine of {} removed: {}", leaseId, why);
    }

    private ComputeBackend backendOf(String leaseId) throws ComputeException {
        String name = table.get(leaseId).map(LeaseTable.Lease::backend).orElse(null);
        if (name != null && ctx.backends().containsKey(name)) {
            return ctx.backends().get(name);
        }
        for (ComputeBackend b : ctx.backends().values()) { // not in the table (e.g. created before a crash)
            if (b.status(leaseId).isPresent()) {
                return b;
            }
        }
        ComputeBackend fallback = ctx.backends().get(name != null ? name : ctx.backendForNewLeases());
        if (fallback == null) {
            throw new ComputeException("no installed backend holds " + leaseId);
        }
        return fallback;
    }

    private static long u64(byte[] raw) {
        return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
