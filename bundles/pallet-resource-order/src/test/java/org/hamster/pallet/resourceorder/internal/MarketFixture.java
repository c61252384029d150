package org.hamster.pallet.resourceorder.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.chain.testkit.TestAccounts.CHARLIE;
import static org.hamster.chain.testkit.TestAccounts.DAVE;
import static org.hamster.chain.testkit.TestAccounts.EVE;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.ModuleError;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.common.Bytes;
import org.hamster.crypto.Base58;
import org.hamster.pallet.balances.Currency;
import org.hamster.pallet.balances.internal.BalancesPallet;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.provider.internal.ProviderPallet;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.PledgeInfo;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.system.internal.SystemPallet;
import org.hamster.pallet.timestamp.internal.TimestampPallet;

/**
 * System 0, Timestamp 1, Balances 2 (ED 10), Provider 5, ResourceOrder 6, with one-minute hours: block n has time
 * 6000 n, slots are 6 s. Orders time out after 30 s, heartbeats are due every 24 s after a 12 s grace, closed items
 * are purged after 2 min. Alice and Charlie are providers, Bob, Dave and Eve tenants, 1,000,000 each.
 */
final class MarketFixture {
    static final long HOUR = 60_000;
    static final long SLOT = 6_000;
    static final long TIMEOUT = 30_000;
    static final long TOLERANCE = 24_000;
    static final long GRACE = 12_000;
    static final long RETENTION = 120_000;
    static final BigInteger ED = BigInteger.TEN;
    static final BigInteger FUNDS = BigInteger.valueOf(1_000_000);
    static final String PROVIDER = "{\"hourMs\": 60000, \"slotMs\": 6000, \"maxRentableHours\": 1000}";
    static final String ORDERS = "{\"slotMs\": 6000, \"orderTimeout\": 30000, \"heartbeatTolerance\": 24000,"
            + " \"graceAllowance\": 12000, \"historyRetention\": 120000, \"maxScheduledPerBlock\": %d}";
    static final Bytes SSH_KEY = sshEd25519(1, "bob@laptop");

    final PalletHarness h;
    final ResourceOrderPallet pallet = new ResourceOrderPallet();
    final ProviderPallet provider = new ProviderPallet();

    MarketFixture() {
        this(100);
    }

    MarketFixture(int maxScheduledPerBlock) {
        this(String.format(ORDERS, maxScheduledPerBlock), ALICE, BOB, CHARLIE, DAVE, EVE);
    }

    MarketFixture(String orderConstants, AccountId... funded) {
        this(PROVIDER, orderConstants, funded);
    }

    MarketFixture(String providerConstants, String orderConstants, AccountId... funded) {
        StringBuilder balances = new StringBuilder("{\"balances\": [");
        for (int i = 0; i < funded.length; i++) {
            balances.append(i == 0 ? "" : ", ").append("[\"").append(funded[i].ss58()).append("\", \"")
                    .append(FUNDS).append("\"]");
        }
        h = PalletHarness.builder().pallet(0, new SystemPallet()).pallet(1, new TimestampPallet())
                .pallet(2, new BalancesPallet()).pallet(5, provider).pallet(6, pallet)
                .constants("Balances", "{\"existentialDeposit\": \"10\"}")
                .genesis("Balances", balances.append("]}").toString())
                .constants("Provider", providerConstants).constants("ResourceOrder", orderConstants).build();
    }

    static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    /** An OpenSSH ed25519 public key line whose key bytes are all {@code n}. */
    static Bytes sshEd25519(int n, String comment) {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer blob = ByteBuffer.allocate(4 + type.length + 4 + 32);
        blob.putInt(type.length).put(type).putInt(32);
        for (int i = 0; i < 32; i++) {
            blob.put((byte) n);
        }
        String line = "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array())
                + (comment.isEmpty() ? "" : " " + comment);
        return Bytes.wrap(line.getBytes(StandardCharsets.US_ASCII));
    }

    static Bytes peer(int n) {
        byte[] mh = new byte[38];
        mh[1] = 36;
        mh[2] = 0x08;
        mh[3] = 0x01;
        mh[4] = 0x12;
        mh[5] = 32;
        java.util.Arrays.fill(mh, 6, 38, (byte) n);
        return Bytes.wrap(Base58.encode(mh).getBytes(StandardCharsets.US_ASCII));
    }

    Currency currency() {
        return h.service(Currency.class);
    }

    BigInteger free(AccountId who) {
        return currency().freeBalance(h.state(), who);
    }

    BigInteger reserved(AccountId who) {
        return currency().reservedBalance(h.state(), who);
    }

    BigInteger escrow() {
        return free(ResourceOrderStorage.ESCROW);
    }

    BigInteger issuance() {
        return currency().totalIssuance(h.state());
    }

    void call(AccountId who, ResourceOrderCall c) throws DispatchException {
        h.dispatch(Origin.signed(who), "ResourceOrder", c);
    }

    ModuleError fails(AccountId who, ResourceOrderCall c) {
        return h.assertNoop(Origin.signed(who), "ResourceOrder", c).moduleError();
    }

    long register(AccountId owner, long price, long hours) throws DispatchException {
        long id = ProviderStorage.NEXT_RESOURCE_ID.getOr(h.state(), 0L);
        h.dispatch(Origin.signed(owner), "Provider", new ProviderCall.RegisterResource(peer(id < 100 ? (int) id : 1),
                2, 4, 20, Bytes.wrap("Debian 12".getBytes(StandardCharsets.UTF_8)),
                Bytes.wrap("Xeon".getBytes(StandardCharsets.UTF_8)), b(price), hours, null, null));
        return id;
    }

    void pledge(AccountId who, long amount) throws DispatchException {
        call(who, new ResourceOrderCall.Pledge(b(amount)));
    }

    long order(AccountId tenant, long resource, long hours) throws DispatchException {
        long id = ResourceOrderStorage.NEXT_ORDER_ID.getOr(h.state(), 0L);
        call(tenant, new ResourceOrderCall.CreateOrder(resource, hours, SSH_KEY));
        return id;
    }

    long renew(AccountId tenant, long agreement, long hours) throws DispatchException {
        long id = ResourceOrderStorage.NEXT_ORDER_ID.getOr(h.state(), 0L);
        call(tenant, new ResourceOrderCall.Renew(agreement, hours));
        return id;
    }

    /** Executes an order and returns the agreement it created or extended. */
    long exec(AccountId provider, long order) throws DispatchException {
        call(provider, new ResourceOrderCall.ExecOrder(order));
        return order(order).agreement();
    }

    Order order(long id) {
        return ResourceOrderStorage.ORDERS.get(h.state(), id);
    }

    RentalAgreement agreement(long id) {
        return ResourceOrderStorage.AGREEMENTS.get(h.state(), id);
    }

    Resource resource(long id) {
        return ProviderStorage.RESOURCES.get(h.state(), id);
    }

    PledgeInfo pledgeOf(AccountId who) {
        return ResourceOrderStorage.PLEDGES.getOr(h.state(), who, PledgeInfo.EMPTY);
    }

    BigInteger refundOf(AccountId who) {
        return ResourceOrderStorage.REFUNDS.getOr(h.state(), who, BigInteger.ZERO);
    }

    /** Opens blocks until the open one has time at least {@code time}. */
    void advanceTo(long time) {
        while (h.now() < time) {
            h.nextBlock();
        }
    }
}
