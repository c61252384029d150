package org.hamster.client.internal;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainProperties;
import org.hamster.client.AccountView;
import org.hamster.client.AgreementView;
import org.hamster.client.Amount;
import org.hamster.client.Client;
import org.hamster.client.ClientException;
import org.hamster.client.ClientException.Reason;
import org.hamster.client.ClientSettings;
import org.hamster.client.ClientStatus;
import org.hamster.client.LinkView;
import org.hamster.client.MarketQuery;
import org.hamster.client.Offer;
import org.hamster.client.OrderView;
import org.hamster.client.Quote;
import org.hamster.client.Refunds;
import org.hamster.client.internal.link.RouteChooser;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.p2p.Host;
import org.hamster.p2p.HostConfig;
import org.hamster.p2p.Hosts;
import org.hamster.p2p.IdentityFiles;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client role: the tenant's account (keystore), the market over the chain client, and links from local ports
 * to leased machines over this component's libp2p host (identity {@code p2p-client.key}; it dials, it does not
 * listen). It runs without a node: chain operations then fail as unavailable, and open links keep working. Every
 * minute it re-reads the chain's gateways and closes the links of leases that ended.
 */
@Component(service = Client.class, configurationPid = ClientComponent.PID, immediate = true)
@Designate(ocd = ClientConfig.class)
public final class ClientComponent implements Client {
    static final String PID = "org.hamster.client";
    private static final Logger LOG = LoggerFactory.getLogger(ClientComponent.class);
    private static final long U32_MAX = 0xffffffffL;
    /** An ed25519 key line of the usual length, for quotes without a configured key. */
    private static final String TYPICAL_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq0HL8mS1Ih4hpGmfX7zjrDbcBrPl/O"
            + "rM8tReEZxDuH tenant@hamster";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChainClient chain;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configAdmin;

    private volatile ClientConfig config;
    private volatile List<String> preferred = List.of();
    private final Map<ChainClient, ChainFacts> facts = new java.util.concurrent.ConcurrentHashMap<>();
    private final SettingsStore store = new SettingsStore(() -> configAdmin);
    private Wallet wallet;
    private Host host;
    private Linker linker;
    private ScheduledExecutorService loop;

    /** What does not change for one node: its token and genesis hash. */
    private record ChainFacts(Tokens tokens, H256 genesis) {
    }

    @Activate
    void activate(ClientConfig cfg) throws HamsterException {
        apply(cfg);
        wallet = new Wallet(dir(cfg.keystoreDir(), "keystore"));
        wallet.configure(cfg.account(), cfg.passwordFile());
        host = Hosts.create(HostConfig.builder(IdentityFiles.loadOrCreate(IdentityFiles.forRole(dir(cfg.identityDir(),
                "p2p"), "client"))).agentVersion("hamster-client/0.1.0")
                .connectTimeout(Duration.ofMillis(cfg.directTimeoutMs())).build());
        linker = new Linker(host, () -> preferred, new RouteChooser.Timeouts(Duration.ofMillis(cfg.directTimeoutMs()),
                Duration.ofMillis(cfg.relayTimeoutMs()), Duration.ofSeconds(cfg.retryAfterSeconds()),
                Duration.ofSeconds(cfg.routeWaitSeconds())));
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hamster-client");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::housekeeping, 0, 60, TimeUnit.SECONDS);
        LOG.info("client: peer {}; account {}", host.peerId(), wallet.name() == null ? "none" : wallet.name()
                + (wallet.unlocked() ? " (unlocked)" : " (locked)"));
    }

    @Modified
    void modified(ClientConfig cfg) throws HamsterException {
        apply(cfg);
        if (wallet.configure(cfg.account(), cfg.passwordFile())) {
            linker.links().close(); // they sign with the previous account's key
        }
    }

    @Deactivate
    void deactivate() {
        loop.shutdownNow();
        linker.links().close();
        host.close();
        wallet.lock();
    }

    private void apply(ClientConfig cfg) throws HamsterException {
        if (cfg.directTimeoutMs() <= 0 || cfg.relayTimeoutMs() <= 0 || cfg.retryAfterSeconds() < 0
                || cfg.routeWaitSeconds() < 0) {
            throw new HamsterException(ErrorCode.CONFIG, PID + ": directTimeoutMs and relayTimeoutMs must be "
                    + "positive, retryAfterSeconds and routeWaitSeconds not negative");
        }
        try {
            preferred = Settings.gateways(Settings.split(cfg.preferredGateways()));
            if (linker != null) {
                    }
        } catch (ClientException e) {
            throw new HamsterException(ErrorCode.CONFIG, PID + ": " + e.getMessage());
        }
        config = cfg;
    }

    static Path dir(String configured, String defaultName) {
        return configured == null || configured.isBlank() ? Path.of(System.getProperty("karaf.data", "data"),
                "hamster", defaultName) : Path.of(configured.strip());
    }

    // ---- account and settings

    @Override
    public ClientStatus status() {
        ChainClient c = chain;
        boolean connected = c != null && c.isConnected();
        Optional<String> address = wallet.address();
        ClientStatus.Balance balance = null;
        if (connected && address.isPresent()) {
            try {
                balance = trading().balance(wallet.account());
            } catch (ClientException e) {
                LOG.debug("client: balance unknown: {}", e.getMessage());
            }
        }
        String detail = wallet.name() == null ? "no account: import one (hamster:key-import) and set account"
                : address.isEmpty() ? "account '" + wallet.name() + "' is not in the keystore"
                : !wallet.unlocked() ? "account locked: unlock it to buy and link (hamster:client-unlock)"
                : !connected ? "no connection to the node at " + chainUrl() + " (etc/" + SettingsStore.CHAIN_PID
                        + ".cfg)"
                : "ready";
        return new ClientStatus(wallet.name(), address.orElse(null), wallet.unlocked(), chainUrl(), connected,
                balance, host.peerId().toString(), linker.links().all().size(), detail);
    }

    @Override
    public ClientSettings settings() {
        ClientConfig cfg = config;
        return new ClientSettings(chainUrl(), wallet.name() == null ? "" : wallet.name(), cfg.sshPublicKey(),
                cfg.sshPrivateKeyPath(), preferred);
    }

    @Override
    public ClientSettings updateSettings(ClientSettings changes) throws ClientException {
        return store.update(changes, settings(), wallet::contains);
    }

    /** The node URL: the chain client's, else its configured one, else the default. */
    private String chainUrl() {
        ChainClient c = chain;
        return c != null ? c.endpoint().toString() : store.configuredChainUrl();
    }

    @Override
    public ClientStatus unlock(String account, String password) throws ClientException {
        if (wallet.unlock(account, password)) {
            linker.links().close();
        }
        LOG.info("client: account {} unlocked", wallet.name());
        return status();
    }

    @Override
    public List<AccountView> accounts() throws ClientException {
        return wallet.accounts();
    }

    @Override
    public AccountView importAccount(String name, String secret, String polkadotJson, String password)
            throws ClientException {
        return wallet.importAccount(name, secret, polkadotJson, password);
    }

    @Override
    public ClientStatus lock() {
        wallet.lock();
        linker.links().close();
        LOG.info("client: account {} locked; links closed", wallet.name());
        return status();
    }

    // ---- market

    @Override
    public BigInteger parseAmount(String text) throws ClientException {
        return trading().tokens().parse(text);
    }

    @Override
    public List<Offer> market(MarketQuery query) throws ClientException {
        MarketQuery q = query == null ? MarketQuery.available() : query;
        notNegative("minCpu", q.minCpu());
        notNegative("minMemory", q.minMemoryGiB());
        notNegative("minHours", q.minHours());
        if (q.maxPricePerHour() != null && q.maxPricePerHour().signum() < 0) {
            throw Settings.invalid("maxPrice must not be negative");
        }
        return trading().offers(q);
    }

    @Override
    public OrderView buy(long resource, long hours, String sshPublicKey) throws ClientException {
        id("resource", resource);
        hours(hours);
        String key = sshPublicKey != null && !sshPublicKey.isBlank() ? Settings.keyLine(sshPublicKey)
                : Settings.sshKey(config.sshPublicKey());
        var signer = wallet.key();
        return trading().buy(signer, resource, hours, key);
    }

    @Override
    public Quote quote(long resource, long hours) throws ClientException {
        id("resource", resource);
        hours(hours);
        String key = config.sshPublicKey().isBlank() ? TYPICAL_KEY : Settings.sshKey(config.sshPublicKey());
        return trading().quote(resource, hours, key);
    }

    @Override
    public List<OrderView> orders() throws ClientException {
        AccountId me = wallet.account();
        return trading().orders(me);
    }

    @Override
    public OrderView cancel(long order) throws ClientException {
        id("order", order);
        var signer = wallet.key();
        return trading().cancel(signer, order);
    }

    @Override
    public OrderView renew(long agreement, long hours) throws ClientException {
        id("agreement", agreement);
        hours(hours);
        var signer = wallet.key();
        return trading().renew(signer, agreement, hours);
    }

    @Override
    public List<AgreementView> resources() throws ClientException {
        AccountId me = wallet.account();
        Trading t = trading();
        long now = t.now();
        Tokens tokens = t.tokens();
        Map<Long, Optional<String>> peers = new HashMap<>();
        String keyPath = config.sshPrivateKeyPath();
        List<AgreementView> out = new java.util.ArrayList<>();
        for (RentalAgreement a : t.agreements(me)) {
            Optional<String> peer = peers.get(a.resource());
            if (peer == null) {
                peer = t.peerId(a.resource());
                peers.put(a.resource(), peer);
            }
            out.add(Views.agreement(a, peer.orElse(null), now, tokens, linker.links().get(a.id())
                    .map(l -> l.view(keyPath)).orElse(null)));
        }
        return out;
    }

    @Override
    public Refunds refunds() throws ClientException {
        AccountId me = wallet.account();
        return trading().refunds(me);
    }

    @Override
    public Amount claimRefunds() throws ClientException {
        var signer = wallet.key();
        return trading().claimRefunds(signer);
    }

    // ---- links

    @Override
    public LinkView link(long agreement, int port) throws ClientException {
        id("agreement", agreement);
        if (port < 0 || port > 65535) {
            throw Settings.invalid("port must be 0 (any free port) to 65535, not " + port);
        }
        return linker.link(agreement, port, wallet.key(), this::trading, config.sshPrivateKeyPath());
    }

    @Override
    public List<LinkView> links() {
        String keyPath = config.sshPrivateKeyPath();
        return linker.links().all().stream().map(l -> l.view(keyPath)).toList();
    }

    @Override
    public void unlink(long agreement) throws ClientException {
        if (!linker.links().close(agreement)) {
            throw new ClientException(Reason.NOT_FOUND, "agreement " + agreement + " has no link");
        }
    }

    // ---- chain access

    /** The market over the chain client; CHAIN_UNAVAILABLE when there is none or it is disconnected. */
    private Trading trading() throws ClientException {
        ChainClient c = chain;
        if (c == null || !c.isConnected()) {
            throw new ClientException(Reason.CHAIN_UNAVAILABLE, "no connection to the node at " + chainUrl()
                    + " (is it running? url in etc/" + SettingsStore.CHAIN_PID + ".cfg)");
        }
        ChainFacts f = facts(c);
        return new Trading(c, f.tokens(), f.genesis());
    }

    private ChainFacts facts(ChainClient c) throws ClientException {
        ChainFacts f = facts.get(c);
        if (f == null) {
            ChainProperties p = Trading.read(c.systemProperties());
            f = new ChainFacts(new Tokens(p.tokenDecimals(), p.tokenSymbol()), Trading.read(c.genesisHash()));
            facts.keySet().retainAll(List.of(c));
            facts.put(c, f);
        }
        return f;
    }

    private void housekeeping() {
        try {
            linker.refreshGateways(chain);
            if (!linker.links().all().isEmpty()) {
                linker.closeEnded(trading());
            }
        } catch (ClientException e) {
            LOG.debug("client: links not checked: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("client: housekeeping failed", e);
        }
    }

    // ---- input checks

    private static void id(String what, long id) throws ClientException {
        if (id < 0) {
            throw Settings.invalid(what + " id must not be negative");
        }
    }

    private static void hours(long hours) throws ClientException {
        if (hours < 1 || hours > U32_MAX) {
            throw Settings.invalid("hours must be 1 to " + U32_MAX + ", not " + hours);
        }
    }

    private static void notNegative(String what, Long value) throws ClientException {
        if (value != null && value < 0) {
            throw Settings.invalid(what + " must not be negative");
        }
    }
}
