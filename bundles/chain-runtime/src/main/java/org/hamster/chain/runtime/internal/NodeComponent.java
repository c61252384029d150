package org.hamster.chain.runtime.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hamster.chain.ChainService;
import org.hamster.chain.spi.Pallet;
import org.hamster.common.HamsterException;
import org.hamster.storage.KvStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the node once exactly the chain spec's pallet set is present: pallets come and go as bundles; the
 * ChainService is registered only while the runtime is complete, and a changed set restarts it.
 */
@Component(immediate = true, configurationPid = "org.hamster.chain.runtime")
@Designate(ocd = NodeConfig.class)
public class NodeComponent {
    private static final Logger LOG = LoggerFactory.getLogger(NodeComponent.class);
    private final Map<String, Pallet> pallets = new ConcurrentHashMap<>();
    private KvStore store;
    private NodeConfig config;
    private ChainSpec spec;
    private BundleContext context;
    private Node node;
    private ServiceRegistration<ChainService> registration;

    @Reference
    void bindStore(KvStore kv) {
        this.store = kv;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPallet(Pallet p) {
        pallets.put(p.name(), p);
        reconcile();
    }

    void unbindPallet(Pallet p) {
        pallets.remove(p.name(), p);
        reconcile();
    }

    @Activate
    void activate(BundleContext ctx, NodeConfig cfg) throws HamsterException {
        this.context = ctx;
        this.config = cfg;
        if (!cfg.sealing().equals("instant") && !cfg.sealing().equals("interval")) {
            throw new HamsterException(org.hamster.common.ErrorCode.CONFIG,
                    "sealing must be 'instant' or 'interval', not '" + cfg.sealing() + "'");
        }
        this.spec = ChainSpec.load(cfg.chainSpec());
        reconcile();
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
        spec = null;
    }

    private synchronized void reconcile() {
        if (spec == null) {
            return;
        }
        Map<Integer, Pallet> set = new TreeMap<>();
        StringBuilder missing = new StringBuilder();
        for (ChainSpec.PalletSpec ps : spec.pallets()) {
            Pallet p = pallets.get(ps.name());
            if (p == null) {
                missing.append(' ').append(ps.name());
            } else {
                set.put(ps.index(), p);
            }
        }
        StringBuilder extra = new StringBuilder();
        pallets.keySet().stream().filter(n -> spec.pallet(n) == null).forEach(n -> extra.append(' ').append(n));
        stop();
        if (missing.length() > 0 || extra.length() > 0) {
            LOG.info("Runtime not started: the chain spec '{}' needs exactly its pallet set; missing:{}{}{}",
                    spec.id(), missing.length() == 0 ? " none" : missing,
                    extra.length() == 0 ? "" : "; not in the spec:", extra);
            return;
        }
        try {
            for (ChainSpec.PalletSpec ps : spec.pallets()) {
                set.get(ps.index()).configure(ps.constants());
            }
            RuntimeModules modules = new RuntimeModules(spec, set);
            Chain chain = new Chain(spec, modules, store);
            long blockTime = config.blockTimeMs() > 0 ? config.blockTimeMs() : spec.blockTimeMs();
            node = new Node(chain, Node.Sealing.valueOf(config.sealing().toUpperCase(java.util.Locale.ROOT)),
                    blockTime, config.poolCapacity(), config.maxBlockExtrinsics(), config.nodeName());
            node.start();
            registration = context.registerService(ChainService.class, node, null);
            LOG.info("Runtime {} spec_version {} started ({} sealing, {} ms)", spec.specName(),
                    modules.version().specVersion(), config.sealing(), blockTime);
        } catch (HamsterException | RuntimeException e) {
            LOG.error("Runtime refused to start: {}", e.getMessage(), e);
            stop();
        }
    }

    private void stop() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException ignored) {
                // already gone with the bundle
            }
            registration = null;
        }
        if (node != null) {
            node.close();
            node = null;
            LOG.info("Runtime stopped");
        }
    }
}
