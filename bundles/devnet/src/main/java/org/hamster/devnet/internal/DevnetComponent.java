package org.hamster.devnet.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.features.FeaturesService;
import org.hamster.chain.AccountId;
import org.hamster.chain.client.ChainClient;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;
import org.hamster.crypto.Ed25519;
import org.hamster.crypto.Keystore;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
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
 * Turns one Karaf instance running node, gateway, provider and client into a development network: the three roles
 * get development accounts in the keystore (unlocked with a generated password file), the provider a compute
 * backend and a pledge, the tenant an SSH key; then it prints how to rent a machine and log in. Settings the
 * operator made are kept; every step is skipped when already done, so a restart repeats nothing.
 */
@Component(immediate = true, configurationPid = DevnetComponent.PID)
@Designate(ocd = DevnetConfig.class)
public final class DevnetComponent {
    static final String PID = "org.hamster.devnet";
    private static final Logger LOG = LoggerFactory.getLogger(DevnetComponent.class);

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    FeaturesService features;

    /** Optional: the roles are configured before the chain answers, so that they start configured. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ChainClient chain;

    private Thread worker;

    @Activate
    void activate(DevnetConfig config) throws HamsterException {
        Path dir = Path.of(System.getProperty("karaf.data", "data"), "hamster");
        Optional<String> backend;
        try {
            backend = BackendChoice.choose(config.backend(), Files.exists(Path.of(config.dockerSocket())),
                    Files.exists(Path.of(config.libvirtSocket())));
        } catch (IllegalArgumentException e) {
            throw new HamsterException(ErrorCode.CONFIG, PID + ": " + e.getMessage());
        }
        worker = new Thread(() -> setUp(config, dir, backend), "hamster-devnet");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.interrupt();
        worker.join(10_000);
    }

    private void setUp(DevnetConfig config, Path dir, Optional<String> backend) {
        try {
            DevnetFiles files = DevnetFiles.create(dir.resolve("devnet"));
            String password = files.password();
            Keystore keystore = new Keystore(dir.resolve("keystore"));
            importKey(keystore, "gateway", config.gatewayUri(), password);
            importKey(keystore, "provider", config.providerUri(), password);
            importKey(keystore, "tenant", config.tenantUri(), password);
            Optional<Path> sshKey = files.tenantSshKey();
            String pw = files.passwordFile().toString();
            configure("org.hamster.gateway", Map.of("account", "gateway", "passwordFile", pw));
            Map<String, String> provider = new LinkedHashMap<>(Map.of("account", "provider", "passwordFile", pw,
                    "cpus", "1", "memoryGiB", "1", "diskGiB", "5", "pricePerHour", "1", "rentableHours", "720"));
            backend.ifPresent(b -> provider.put("backend", b));
            configure("org.hamster.provider", provider);
            Map<String, String> client = new LinkedHashMap<>(Map.of("account", "tenant", "passwordFile", pw));
            sshKey.ifPresent(k -> {
                client.put("sshPublicKey", k + ".pub");
                client.put("sshPrivateKeyPath", k.toString());
            });
            configure("org.hamster.client", client);
            if (backend.isPresent()) {
                installBackend(backend.get());
            } else {
                LOG.warn("devnet: no compute backend: neither {} nor {} exists; start dockerd or libvirtd and "
                        + "feature:install hamster-backend-docker (or -kvm)", config.dockerSocket(),
                        config.libvirtSocket());
            }
            pledge(keystore.unlock("provider", password), config.pledge());
            String banner = Banner.text(backend, sshKey);
            LOG.info("devnet: ready");
            banner.lines().filter(l -> !l.isBlank()).forEach(l -> LOG.info("devnet: {}", l));
            System.out.println(banner);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("devnet: set-up failed: {}", e.getMessage(), e);
        }
    }

    private static void importKey(Keystore keystore, String name, String uri, String password)
            throws HamsterException {
        if (!keystore.contains(name)) {
            LOG.info("devnet: keystore account {} = {} ({})", name, uri, keystore.importKey(name, uri, password));
        }
    }

    private void configure(String pid, Map<String, String> defaults) throws IOException {
        Configuration c = configAdmin.getConfiguration(pid, "?");
        var next = RoleSettings.fill(c.getProperties(), defaults);
        if (next != null) {
            c.update(next);
            LOG.info("devnet: configured {} for the development network", pid);
        }
    }

    private void installBackend(String backend) throws Exception {
        String feature = BackendChoice.feature(backend);
        if (!features.isInstalled(features.getFeature(feature))) {
            LOG.info("devnet: installing {}", feature);
            features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
    }

    /** Tops the provider's pledge up to {@code target} HAM once the chain answers. */
    private void pledge(Ed25519.KeyPair provider, String target) throws Exception {
        while (true) {
            ChainClient chain = this.chain;
            if (chain == null) {
                Thread.sleep(500);
                continue;
            }
            try {
                int decimals = ChainClient.await(chain.systemProperties()).tokenDecimals();
                BigInteger want = TokenAmount.parse(target, decimals);
                PledgeInfo now = ChainClient.await(chain.market().pledge(AccountId.of(provider.publicKey())));
                if (now.total().compareTo(want) < 0) {
                    ChainClient.await(chain.signer().submitAndWaitInBlock(provider, chain.market().calls()
                            .pledge(want.subtract(now.total()))));
                    LOG.info("devnet: the provider pledged {} HAM", target);
                }
                return;
            } catch (HamsterException e) {
                if (e.code() != ErrorCode.UNAVAILABLE) {
                    throw e;
                }
                LOG.info("devnet: waiting for the chain: {}", e.getMessage());
                Thread.sleep(2000);
            }
        }
    }
}
