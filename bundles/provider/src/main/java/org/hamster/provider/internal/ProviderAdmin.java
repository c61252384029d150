package org.hamster.provider.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hamster.chain.AccountId;
import org.hamster.chain.EventRecord;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientException;
import org.hamster.chain.client.Market;
import org.hamster.chain.client.TxInBlock;
import org.hamster.common.Bytes;
import org.hamster.common.ErrorCode;
import org.hamster.common.HamsterException;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.provider.ActionResult;
import org.hamster.provider.ProviderAccount;
import org.hamster.provider.ProviderManagement;
import org.hamster.provider.ResourceSpec;
import org.hamster.provider.ResourceView;

/** {@link ProviderManagement} with the provider's key: checks, then one signed call per action. */
final class ProviderAdmin implements ProviderManagement {
    /** The configured resource's text, used where a registration leaves it out. */
    record Defaults(String system, String cpuModel) {
    }

    private final ChainClient chain;
    private final Ed25519.KeyPair key;
    private final AccountId me;
    private final Supplier<String> peerId;
    private final Defaults defaults;

    ProviderAdmin(ChainClient chain, Ed25519.KeyPair key, Supplier<String> peerId, Defaults defaults) {
        this.chain = chain;
        this.key = key;
        this.me = AccountId.of(key.publicKey());
        this.peerId = peerId;
        this.defaults = defaults;
    }

    @Override
    public int tokenDecimals() throws HamsterException {
        return ChainClient.await(chain.systemProperties()).tokenDecimals();
    }

    @Override
    public ProviderAccount account() throws HamsterException {
        Market market = chain.market();
        BigInteger free = ChainClient.await(chain.account(me)).free();
        PledgeInfo pledge = ChainClient.await(market.pledge(me));
        return account(me.ss58(), free, pledge, ChainClient.await(market.agreementsOfProvider(me)));
    }

    /** The account view from its chain records: earnings of running agreements and of those with rent left. */
    static ProviderAccount account(String address, BigInteger free, PledgeInfo pledge, List<RentalAgreement> all) {
        List<ProviderAccount.Earning> earnings = all.stream()
                .filter(a -> a.status() == AgreementStatus.USING || a.withdrawable().signum() > 0)
                .map(a -> new ProviderAccount.Earning(a.id(), a.resource(), a.status().name(), a.withdrawable()))
                .toList();
        BigInteger total = earnings.stream().map(ProviderAccount.Earning::withdrawable)
                .reduce(BigInteger.ZERO, BigInteger::add);
        return new ProviderAccount(address, free, pledge.total(), pledge.locked(), pledge.free(), total, earnings);
    }

    @Override
    public List<ResourceView> resources() throws HamsterException {
        return ChainClient.await(chain.market().resourcesOf(me)).stream().map(ProviderAdmin::view).toList();
    }

    static ResourceView view(Resource r) {
        ResourceConfig c = r.config();
        return new ResourceView(r.id(), utf8(r.peerId()), c.cpu(), c.memoryGiB(), c.diskGiB(), utf8(c.system()),
                utf8(c.cpuModel()), r.pricePerHour(), Instant.ofEpochMilli(r.endOfRent()), r.status().name());
    }

    @Override
    public ActionResult pledge(BigInteger amount) throws HamsterException {
        return send(chain.market().calls().pledge(Refusals.positive("amount", amount)));
    }

    @Override
    public ActionResult withdrawPledge(BigInteger amount) throws HamsterException {
        return send(chain.market().calls().withdrawPledge(Refusals.positive("amount", amount)));
    }

    @Override
    public ActionResult registerResource(ResourceSpec spec) throws HamsterException {
        ResourceConfig config = new ResourceConfig(Refusals.count("cpu", spec.cpu()),
                Refusals.count("memoryGiB", spec.memoryGiB()), Refusals.count("diskGiB", spec.diskGiB()),
                bytes(Refusals.text("system", spec.system(), defaults.system())),
                bytes(Refusals.text("cpuModel", spec.cpuModel(), defaults.cpuModel())), null, null);
        BigInteger price = Refusals.positive("pricePerHour", spec.pricePerHour());
        long hours = Refusals.count("rentableHours", spec.rentableHours());
        return send(chain.market().calls().registerResource(peerId.get(), config, price, hours));
    }

    @Override
    public ActionResult setPrice(long resource, BigInteger pricePerHour) throws HamsterException {
        Refusals.positive("pricePerHour", pricePerHour);
        return send(chain.market().calls().modifyPrice(owned(resource), pricePerHour));
    }

    @Override
    public ActionResult addDuration(long resource, long hours) throws HamsterException {
        Refusals.count("hours", hours);
        return send(chain.market().calls().addDuration(owned(resource), hours));
    }

    @Override
    public ActionResult offline(long resource) throws HamsterException {
        return send(chain.market().calls().offline(owned(resource)));
    }

    @Override
    public ActionResult relist(long resource) throws HamsterException {
        return send(chain.market().calls().relist(owned(resource)));
    }

    @Override
    public ActionResult remove(long resource) throws HamsterException {
        return send(chain.market().calls().removeResource(owned(resource)));
    }

    @Override
    public ActionResult withdrawEarnings(long agreement) throws HamsterException {
        Refusals.id("agreement", agreement);
        boolean mine = ChainClient.await(chain.market().agreement(agreement)).filter(a -> a.provider().equals(me))
                .isPresent();
        if (!mine) {
            throw new HamsterException(ErrorCode.NOT_FOUND, "agreement " + agreement + " of " + me);
        }
        return send(chain.market().calls().withdrawRent(agreement));
    }

    @Override
    public List<ActionResult> withdrawEarnings() throws HamsterException {
        List<ActionResult> out = new ArrayList<>();
        for (RentalAgreement a : ChainClient.await(chain.market().agreementsOfProvider(me))) {
            if (a.withdrawable().signum() > 0) {
                out.add(send(chain.market().calls().withdrawRent(a.id())));
            }
        }
        return out;
    }

    /** The id, if this account lists that resource; NOT_FOUND otherwise (nothing is sent). */
    private long owned(long resource) throws HamsterException {
        Refusals.id("resource", resource);
        boolean mine = ChainClient.await(chain.market().resourcesOf(me)).stream().anyMatch(r -> r.id() == resource);
        if (!mine) {
            throw new HamsterException(ErrorCode.NOT_FOUND, "resource " + resource + " of " + me);
        }
        return resource;
    }

    private ActionResult send(byte[] call) throws HamsterException {
        try {
            TxInBlock r = ChainClient.await(chain.signer().submitAndWaitInBlock(key, call));
            long number = ChainClient.await(chain.header(r.blockHash())).map(h -> h.number()).orElse(-1L);
            Market market = chain.market();
            List<String> events = new ArrayList<>();
            for (EventRecord e : r.events()) {
                market.providerEvents(List.of(e)).forEach(x -> events.add(x.toString()));
                market.orderEvents(List.of(e)).forEach(x -> events.add(x.toString()));
            }
            return new ActionResult(number, r.blockHash().toString(), events);
        } catch (ChainClientException e) {
            throw Refusals.of(e);
        }
    }

    private static String utf8(Bytes b) {
        return b == null ? "" : new String(b.unsafeArray(), StandardCharsets.UTF_8);
    }

    private static Bytes bytes(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
