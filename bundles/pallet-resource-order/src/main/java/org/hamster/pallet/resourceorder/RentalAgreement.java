package org.hamster.pallet.resourceorder;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.codec.Codec;
import org.hamster.codec.Codecs;
import org.hamster.common.Bytes;

/**
 * A lease (ResourceOrder.Agreements), created when the provider executes an order. Times are chain time in ms:
 * it runs from {@code start} to {@code end} (renewals move end); rent was settled up to {@code lastSettled}; the
 * provider's last heartbeat was at {@code lastHeartbeat} ({@code start} before the first). Amounts in planck:
 * {@code amount} is everything the tenant paid for it (order plus executed renewals), {@code settled} the part
 * earned by the provider so far, {@code withdrawn} the part of that paid out, {@code pledgeLocked} the provider's
 * pledge backing it (0 once closed). {@code closedAt} is when it was finished or punished (0 while USING).
 * SCALE: {@code (u64, u64, AccountId, AccountId, u64, u128, u64, u64, u64, u64, u128, u128, u128, u128,
 * AgreementStatus, Vec<u8>, u64)}.
 */
public record RentalAgreement(long id, long order, AccountId provider, AccountId tenant, long resource,
        BigInteger pricePerHour, long start, long end, long lastSettled, long lastHeartbeat, BigInteger amount,
        BigInteger settled, BigInteger withdrawn, BigInteger pledgeLocked, AgreementStatus status,
        Bytes sshPublicKey, long closedAt) {
    public static final Codec<RentalAgreement> CODEC = Codecs.of((w, a) -> {
        w.u64(a.id).u64(a.order);
        AccountId.CODEC.encode(w, a.provider);
        AccountId.CODEC.encode(w, a.tenant);
        w.u64(a.resource).u128(a.pricePerHour).u64(a.start).u64(a.end).u64(a.lastSettled).u64(a.lastHeartbeat)
                .u128(a.amount).u128(a.settled).u128(a.withdrawn).u128(a.pledgeLocked);
        AgreementStatus.CODEC.encode(w, a.status);
        Order.BYTES.encode(w, a.sshPublicKey);
        w.u64(a.closedAt);
    }, r -> new RentalAgreement(r.u64(), r.u64(), AccountId.CODEC.decode(r), AccountId.CODEC.decode(r), r.u64(),
            r.u128(), r.u64(), r.u64(), r.u64(), r.u64(), r.u128(), r.u128(), r.u128(), r.u128(),
            AgreementStatus.CODEC.decode(r), Order.BYTES.decode(r), r.u64()));

    /** Rent the provider earned and has not withdrawn yet. */
    public BigInteger withdrawable() {
        return settled.subtract(withdrawn);
    }

    /** What of this agreement the escrow account still holds: all unwithdrawn money while USING, else the rent. */
    public BigInteger escrowed() {
        return status == AgreementStatus.USING ? amount.subtract(withdrawn) : withdrawable();
    }

    /** Whether the lease runs at {@code now}: USING and not yet at its end. */
    public boolean activeAt(long now) {
        return status == AgreementStatus.USING && now < end;
    }

    /** Rent settled up to {@code at} (and, with {@code heartbeat}, liveness recorded there). */
    public RentalAgreement settledTo(long at, BigInteger delta, boolean heartbeat) {
        return new RentalAgreement(id, order, provider, tenant, resource, pricePerHour, start, end, at,
                heartbeat ? at : lastHeartbeat, amount, settled.add(delta), withdrawn, pledgeLocked, status,
                sshPublicKey, closedAt);
    }

    /** A renewal of {@code paid} at {@code price} per hour executed: the lease now ends at {@code newEnd}. */
    public RentalAgreement renewed(BigInteger price, long newEnd, BigInteger paid) {
        return new RentalAgreement(id, order, provider, tenant, resource, price, start, newEnd, lastSettled,
                lastHeartbeat, amount.add(paid), settled, withdrawn, pledgeLocked.add(paid), status, sshPublicKey,
                closedAt);
    }

    public RentalAgreement withdrew(BigInteger paid) {
        return new RentalAgreement(id, order, provider, tenant, resource, pricePerHour, start, end, lastSettled,
                lastHeartbeat, amount, settled, withdrawn.add(paid), pledgeLocked, status, sshPublicKey, closedAt);
    }

    /** Closed at {@code now} with {@code s}; the pledge lock is released (or slashed) by the caller. */
    public RentalAgreement closed(AgreementStatus s, long now) {
        return new RentalAgreement(id, order, provider, tenant, resource, pricePerHour, start, end, lastSettled,
                lastHeartbeat, amount, settled, withdrawn, BigInteger.ZERO, s, sshPublicKey, now);
    }
}
