package org.hamster.client.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hamster.chain.AccountId;
import org.hamster.chain.H256;
import org.hamster.chain.client.ChainClient;
import org.hamster.chain.client.ChainClientException;
import org.hamster.chain.client.Market;
import org.hamster.chain.client.TxInBlock;
import org.hamster.chain.client.TxOptions;
import org.hamster.client.Amount;
import org.hamster.client.ClientException;
import org.hamster.client.ClientStatus;
import org.hamster.client.MarketQuery;
import org.hamster.client.Offer;
import org.hamster.client.OrderView;
import org.hamster.client.Quote;
import org.hamster.client.Refunds;
import org.hamster.codec.Codecs;
import org.hamster.crypto.Ed25519;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.timestamp.TimestampStorage;

/**
 * The market as one tenant uses it, over the chain client: reads at the best block, and calls signed with the
 * tenant's key and waited for until they are in a block. Chain failures become {@link ClientException}s.
 */
final class Trading {
    private final ChainClient chain;
    private final Market market;
    private final Tokens tokens;
    private final H256 genesis;

    Trading(ChainClient chain, Tokens tokens, H256 genesis) {
        this.chain = chain;
        this.market = chain.market();
        this.tokens = tokens;
        this.genesis = genesis;
    }

    ChainClient chain() {
        return chain;
    }

    Tokens tokens() {
        return tokens;
    }

    /** The chain's genesis hash, which link requests are bound to. */
    H256 genesis() {
        return genesis;
    }

    /** The best block's time (Timestamp.Now), the wall clock before the first block. */
    long now() throws ClientException {
        return read(chain.storage(TimestampStorage.NOW.key())).map(Codecs.U64::decodeAll)
                .orElseGet(System::currentTimeMillis);
    }

    List<Offer> offers(MarketQuery query) throws ClientException {
        List<Resource> resources = read(market.resources());
        Map<AccountId, CompletableFuture<ProviderStatistics>> pending = new LinkedHashMap<>();
        resources.forEach(r -> pending.computeIfAbsent(r.owner(), market::providerStats));
        Map<AccountId, ProviderStatistics> stats = new LinkedHashMap<>();
        for (Map.Entry<AccountId, CompletableFuture<ProviderStatistics>> e : pending.entrySet()) {
            stats.put(e.getKey(), read(e.getValue()));
        }
        return Offers.select(resources, stats, query, now(), tokens);
    }

    OrderView buy(Ed25519.KeyPair key, long resource, long hours, String sshKey) throws ClientException {
        TxInBlock in = submit(key, market.calls().createOrder(resource, hours, sshKey));
        long id = event(in, ResourceOrderEvent.OrderCreated.class).order();
        return order(id);
    }

    /**
     * Rent and fee of an order. The fee is payment_queryInfo of the order signed by a throwaway key with an explicit
     * nonce: it depends on the call and its length, not on the signer, and the tenant's nonces stay untouched.
     */
    Quote quote(long resource, long hours, String sshKey) throws ClientException {
        Resource r = read(market.resource(resource)).orElseThrow(() -> new ClientException(
                ClientException.Reason.NOT_FOUND, "no resource " + resource + " on the market"));
        BigInteger rent = r.pricePerHour().multiply(BigInteger.valueOf(hours));
        byte[] probe = read(chain.signer().sign(Ed25519.generate(), market.calls().createOrder(resource, hours,
                sshKey), TxOptions.DEFAULT.withNonce(0)));
        BigInteger fee = read(chain.queryFee(probe)).partialFee();
        return new Quote(resource, hours, tokens.amount(r.pricePerHour()), tokens.amount(rent), tokens.amount(fee),
                tokens.amount(rent.add(fee)));
    }

    OrderView cancel(Ed25519.KeyPair key, long order) throws ClientException {
        submit(key, market.calls().cancelOrder(order));
        return order(order);
    }

    OrderView renew(Ed25519.KeyPair key, long agreement, long hours) throws ClientException {
        TxInBlock in = submit(key, market.calls().renew(agreement, hours));
        return order(event(in, ResourceOrderEvent.RenewalOrdered.class).order());
    }

    Amount claimRefunds(Ed25519.KeyPair key) throws ClientException {
        TxInBlock in = submit(key, market.calls().claimRefund());
        return tokens.amount(event(in, ResourceOrderEvent.RefundClaimed.class).amount());
    }

    /** The tenant's orders, newest first. */
    List<OrderView> orders(AccountId tenant) throws ClientException {
        List<OrderView> out = new ArrayList<>(read(market.ordersOf(tenant)).stream()
                .map(o -> Views.order(o, tokens)).toList());
        Collections.reverse(out);
        return out;
    }

    OrderView order(long id) throws ClientException {
        Order o = read(market.order(id)).orElseThrow(() -> new ClientException(ClientException.Reason.NOT_FOUND,
                "no order " + id));
        return Views.order(o, tokens);
    }

    /** The tenant's agreements, newest first. */
    List<RentalAgreement> agreements(AccountId tenant) throws ClientException {
        List<RentalAgreement> out = new ArrayList<>(read(market.agreementsOf(tenant)));
        Collections.reverse(out);
        return out;
    }

    Optional<RentalAgreement> agreement(long id) throws ClientException {
        return read(market.agreement(id));
    }

    /** The libp2p peer id a resource is served from, empty once the resource is gone. */
    Optional<String> peerId(long resource) throws ClientException {
        return read(market.resource(resource)).map(r -> new String(r.peerId().unsafeArray(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    Refunds refunds(AccountId tenant) throws ClientException {
        BigInteger claimable = read(market.refund(tenant));
        List<Long> punished = agreements(tenant).stream().filter(a -> a.status() == AgreementStatus.PUNISHED)
                .map(RentalAgreement::id).toList();
        return new Refunds(tokens.amount(claimable), punished);
    }

    ClientStatus.Balance balance(AccountId who) throws ClientException {
        var a = read(chain.account(who));
        return new ClientStatus.Balance(tokens.amount(a.free()), tokens.amount(a.reserved()),
                tokens.amount(a.transferable()));
    }

    private TxInBlock submit(Ed25519.KeyPair key, byte[] call) throws ClientException {
        return read(chain.signer().submitAndWaitInBlock(key, call));
    }

    private <E extends ResourceOrderEvent> E event(TxInBlock in, Class<E> type) throws ClientException {
        return market.orderEvents(in.events()).stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new ClientException(ClientException.Reason.CHAIN_UNAVAILABLE, "block "
                        + in.blockHash() + " has no " + type.getSimpleName() + " event for the transaction"));
    }

    static <T> T read(CompletableFuture<T> f) throws ClientException {
        try {
            return ChainClient.await(f);
        } catch (ChainClientException e) {
            throw ChainErrors.of(e);
        }
    }
}
