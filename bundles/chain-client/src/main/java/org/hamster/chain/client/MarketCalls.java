package org.hamster.chain.client;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.hamster.common.Bytes;
import org.hamster.pallet.gateway.GatewayCall;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.ResourceConfig;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;

/**
 * Encodes the market pallets' calls (Provider, ResourceOrder, Gateway) with the pallets' own call records and the
 * node's pallet indices; sign the result with {@link Signer}. Who may send which call, and what it does, is
 * documented in the pallets' API packages. Amounts are u128 and hours u32: other values are refused with
 * IllegalArgumentException before anything is sent.
 */
public final class MarketCalls {
    private static final long U32_MAX = 0xffffffffL;
    private final Calls calls;

    public MarketCalls(Calls calls) {
        this.calls = calls;
    }

    /** The development chain's pallet indices (Provider 5, ResourceOrder 6, Gateway 7). */
    public static MarketCalls dev() {
        return new MarketCalls(Calls.dev());
    }

    /** Any Provider call record. */
    public byte[] provider(ProviderCall call) {
        return calls.call(ProviderStorage.PALLET, call);
    }

    /** Any ResourceOrder call record. */
    public byte[] resourceOrder(ResourceOrderCall call) {
        return calls.call(ResourceOrderStorage.PALLET, call);
    }

    /** Any Gateway call record. */
    public byte[] gateway(GatewayCall call) {
        return calls.call(GatewayStorage.PALLET, call);
    }

    /** Provider.register_resource: lists a machine under the signer's libp2p {@code peerId} (base58 text). */
    public byte[] registerResource(String peerId, ResourceConfig config, BigInteger pricePerHour,
            long rentableHours) {
        return provider(new ProviderCall.RegisterResource(utf8(peerId), config.cpu(), config.memoryGiB(),
                config.diskGiB(), config.system(), config.cpuModel(), amount(pricePerHour), hours(rentableHours),
                config.gpu(), config.region()));
    }

    /** Provider.modify_resource_price: the price of orders and renewals placed afterwards. */
    public byte[] modifyPrice(long resource, BigInteger pricePerHour) {
        return provider(new ProviderCall.ModifyResourcePrice(resource, amount(pricePerHour)));
    }

    /** Provider.add_resource_duration: moves the listing's end of rent {@code hours} later. */
    public byte[] addDuration(long resource, long hours) {
        return provider(new ProviderCall.AddResourceDuration(resource, hours(hours)));
    }

    /** Provider.remove_resource: delists an Unused or Offline resource. */
    public byte[] removeResource(long resource) {
        return provider(new ProviderCall.RemoveResource(resource));
    }

    /** Provider.relist: Offline back to Unused. */
    public byte[] relist(long resource) {
        return provider(new ProviderCall.Relist(resource));
    }

    /** Provider.offline: the owner takes an Unused resource off the market (relist brings it back). */
    public byte[] offline(long resource) {
        return provider(new ProviderCall.Offline(resource));
    }

    /** ResourceOrder.pledge: reserves {@code amount} more of the provider's balance as pledge. */
    public byte[] pledge(BigInteger amount) {
        return resourceOrder(new ResourceOrderCall.Pledge(amount(amount)));
    }

    /** ResourceOrder.withdraw_pledge: unreserves {@code amount} of the free (unlocked) pledge. */
    public byte[] withdrawPledge(BigInteger amount) {
        return resourceOrder(new ResourceOrderCall.WithdrawPledge(amount(amount)));
    }

    /** ResourceOrder.create_order: the tenant pays price x hours into escrow; {@code sshPublicKey} is one line. */
    public byte[] createOrder(long resource, long hours, String sshPublicKey) {
        return resourceOrder(new ResourceOrderCall.CreateOrder(resource, hours(hours), utf8(sshPublicKey)));
    }

    /** ResourceOrder.cancel_order: the tenant withdraws a pending order, fully refunded. */
    public byte[] cancelOrder(long order) {
        return resourceOrder(new ResourceOrderCall.CancelOrder(order));
    }

    /** ResourceOrder.exec_order: the resource's owner accepts a pending order (new lease or renewal). */
    public byte[] execOrder(long order) {
        return resourceOrder(new ResourceOrderCall.ExecOrder(order));
    }

    /** ResourceOrder.renew: the tenant pays for {@code hours} more; the provider's exec extends the lease. */
    public byte[] renew(long agreement, long hours) {
        return resourceOrder(new ResourceOrderCall.Renew(agreement, hours(hours)));
    }

    /** ResourceOrder.heartbeat: the provider proves the lease alive; rent is settled pro rata up to now. */
    public byte[] heartbeat(long agreement) {
        return resourceOrder(new ResourceOrderCall.Heartbeat(agreement));
    }

    /** ResourceOrder.withdraw_rent: the provider collects the rent settled so far. */
    public byte[] withdrawRent(long agreement) {
        return resourceOrder(new ResourceOrderCall.WithdrawRent(agreement));
    }

    /** ResourceOrder.claim_refund: the signer collects its refunds. */
    public byte[] claimRefund() {
        return resourceOrder(new ResourceOrderCall.ClaimRefund());
    }

    /** Gateway.register_gateway: the signer's gateway at {@code multiaddr} (ending /p2p/peer id), bonded. */
    public byte[] registerGateway(String multiaddr) {
        return gateway(new GatewayCall.RegisterGateway(multiaddr));
    }

    /** Gateway.heartbeat of the signer's gateway {@code peerId}. */
    public byte[] gatewayHeartbeat(String peerId) {
        return gateway(new GatewayCall.Heartbeat(peerId));
    }

    /** Gateway.deregister: takes the signer's gateway {@code peerId} off the bootstrap list, bond returned. */
    public byte[] deregisterGateway(String peerId) {
        return gateway(new GatewayCall.Deregister(peerId));
    }

    private static Bytes utf8(String text) {
        return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static BigInteger amount(BigInteger value) {
        return Calls.amount(value);
    }

    private static long hours(long hours) {
        if (hours < 0 || hours > U32_MAX) {
            throw new IllegalArgumentException("hours must be a u32, not " + hours);
        }
        return hours;
    }
}
