package org.hamster.pallet.resourceorder;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.common.Bytes;

/**
 * A tenant's order (ResourceOrder.Orders): {@code amount = pricePerHour x hours} sits in escrow while PENDING.
 * A new order carries the tenant's SSH public key and gets {@code agreement} when executed; a renewal order
 * ({@code renewal}) names the agreement it extends from the start and has an empty key. {@code createdAt} is chain
 * time in ms; {@code agreement} is null for None.
 * SCALE: {@code (u64, AccountId, AccountId, u64, u32, u128, u128, Vec<u8>, u64, OrderStatus, bool, Option<u64>)}.
 */
public record Order(long id, AccountId tenant, AccountId provider, long resource, long hours,
        BigInteger pricePerHour, BigInteger amount, Bytes sshPublicKey, long createdAt, OrderStatus status,
        boolean renewal, Long agreement) {
    static final Codec<Bytes> BYTES = Codecs.of((w, b) -> w.vecBytes(b.unsafeArray()), r -> Bytes.wrap(r.vecBytes()));
    private static final Codec<Long> OPTION_U64 = Codecs.option(Codecs.U64);
    public static final Codec<Order> CODEC = Codecs.of((w, o) -> {
        w.u64(o.id);
        AccountId.CODEC.encode(w, o.tenant);
        AccountId.CODEC.encode(w, o.provider);
        w.u64(o.resource).u32(o.hours).u128(o.pricePerHour).u128(o.amount);
        BYTES.encode(w, o.sshPublicKey);
        w.u64(o.createdAt);
        OrderStatus.CODEC.encode(w, o.status);
        w.bool(o.renewal);
        OPTION_U64.encode(w, o.agreement);
    }, r -> new Order(r.u64(), AccountId.CODEC.decode(r), AccountId.CODEC.decode(r), r.u64(), r.u32(), r.u128(),
            r.u128(), BYTES.decode(r), r.u64(), OrderStatus.CODEC.decode(r), r.bool(), OPTION_U64.decode(r)));

    /** The order closed with {@code status}, naming the agreement it created or extended (null if none). */
    public Order closed(OrderStatus s, Long agreementId) {
        return new Order(id, tenant, provider, resource, hours, pricePerHour, amount, sshPublicKey, createdAt, s,
                renewal, agreementId);
    }
}
