package org.hamster.pallet.resourceorder;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.PalletEvent;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;

/** ResourceOrder events: variant index and SCALE fields as documented on each. */
public sealed interface ResourceOrderEvent extends PalletEvent {
    @Override
    default String pallet() {
        return ResourceOrderStorage.PALLET;
    }

    /** 0: {@code (who: AccountId, amount: u128)} reserved as pledge. */
    record Pledged(AccountId who, BigInteger amount) implements ResourceOrderEvent {
        public int eventIndex() {
            return 0;
        }

        public void encodeFields(ScaleWriter w) {
            acc(w, who).u128(amount);
        }
    }

    /** 1: {@code (who: AccountId, amount: u128)} of free pledge unreserved. */
    record PledgeWithdrawn(AccountId who, BigInteger amount) implements ResourceOrderEvent {
        public int eventIndex() {
            return 1;
        }

        public void encodeFields(ScaleWriter w) {
            acc(w, who).u128(amount);
        }
    }

    /**
     * 2: a new order waits for the provider. {@code (order: u64, tenant: AccountId, provider: AccountId,
     * resource: u64, hours: u32, amount: u128, ssh_public_key: Vec<u8>)}.
     */
    record OrderCreated(long order, AccountId tenant, AccountId provider, long resource, long hours,
            BigInteger amount, Bytes sshPublicKey) implements ResourceOrderEvent {
        public int eventIndex() {
            return 2;
        }

        public void encodeFields(ScaleWriter w) {
            acc(acc(w.u64(order), tenant), provider).u64(resource).u32(hours).u128(amount)
                    .vecBytes(sshPublicKey.unsafeArray());
        }
    }

    /**
     * 3: a renewal order waits for the provider. {@code (order: u64, tenant: AccountId, provider: AccountId,
     * agreement: u64, hours: u32, amount: u128)}.
     */
    record RenewalOrdered(long order, AccountId tenant, AccountId provider, long agreement, long hours,
            BigInteger amount) implements ResourceOrderEvent {
        public int eventIndex() {
            return 3;
        }

        public void encodeFields(ScaleWriter w) {
            acc(acc(w.u64(order), tenant), provider).u64(agreement).u32(hours).u128(amount);
        }
    }

    /** 4: the tenant canceled a pending order. {@code (order: u64, tenant: AccountId, refund: u128)}. */
    record OrderCanceled(long order, AccountId tenant, BigInteger refund) implements ResourceOrderEvent {
        public int eventIndex() {
            return 4;
        }

        public void encodeFields(ScaleWriter w) {
            acc(w.u64(order), tenant).u128(refund);
        }
    }

    /** 5: a pending order reached orderTimeout. {@code (order: u64, tenant: AccountId, refund: u128)}. */
    record OrderTimedOut(long order, AccountId tenant, BigInteger refund) implements ResourceOrderEvent {
        public int eventIndex() {
            return 5;
        }

        public void encodeFields(ScaleWriter w) {
            acc(w.u64(order), tenant).u128(refund);
        }
    }

    /**
     * 6: the provider executed a new order. {@code (agreement: u64, order: u64, provider: AccountId,
     * tenant: AccountId, resource: u64, start: u64, end: u64, pledge_locked: u128)}.
     */
    record AgreementStarted(long agreement, long order, AccountId provider, AccountId tenant, long resource,
            long start, long end, BigInteger pledgeLocked) implements ResourceOrderEvent {
        public int eventIndex() {
            return 6;
        }

        public void encodeFields(ScaleWriter w) {
            acc(acc(w.u64(agreement).u64(order), provider), tenant).u64(resource).u64(start).u64(end)
                    .u128(pledgeLocked);
        }
    }

    /** 7: the provider executed a renewal. {@code (agreement: u64, order: u64, end: u64, pledge_locked: u128)}. */
    record AgreementRenewed(long agreement, long order, long end, BigInteger pledgeLocked)
            implements ResourceOrderEvent {
        public int eventIndex() {
            return 7;
        }

        public void encodeFields(ScaleWriter w) {
            w.u64(agreement).u64(order).u64(end).u128(pledgeLocked);
        }
    }

    /** 8: {@code (agreement: u64, provider: AccountId, settled: u128, at: u64)}: rent settled by this heartbeat. */
    record HeartbeatReceived(long agreement, AccountId provider, BigInteger settled, long at)
            implements ResourceOrderEvent {
        public int eventIndex() {
            return 8;
        }

        public void encodeFields(ScaleWriter w) {
            acc(w.u64(agreement), provider).u128(settled).u64(at);
        }
    }

    /** 9: {@code (agreement: u64, provider: AccountId, amount: u128)} of rent paid out on request. */
    record RentWithdrawn(long agreement, AccountId provider, BigInteger amount) implements ResourceOrderEvent {
        public int eventIndex() {
            return 9;
        }

        public void encodeFields(ScaleWriter w) {
            acc(w.u64(agreement), provider).u128(amount);
        }
    }

    /**
     * 10: the lease reached its end: the rest of the rent settled, {@code paid} of it paid out to the provider
     * now, the pledge unlocked. {@code (agreement: u64, resource: u64, provider: AccountId, paid: u128)}.
     */
    record AgreementFinished(long agreement, long resource, AccountId provider, BigInteger paid)
            implements ResourceOrderEvent {
        public int eventIndex() {
            return 10;
        }

        public void encodeFields(ScaleWriter w) {
            acc(w.u64(agreement).u64(resource), provider).u128(paid);
        }
    }

    /**
     * 11: the provider missed its heartbeats: {@code refund} (unserved rent) and {@code slashed} (the agreement's
     * pledge lock) credited to the tenant. {@code (agreement: u64, resource: u64, provider: AccountId,
     * tenant: AccountId, refund: u128, slashed: u128)}.
     */
    record AgreementPunished(long agreement, long resource, AccountId provider, AccountId tenant, BigInteger refund,
            BigInteger slashed) implements ResourceOrderEvent {
        public int eventIndex() {
            return 11;
        }

        public void encodeFields(ScaleWriter w) {
            acc(acc(w.u64(agreement).u64(resource), provider), tenant).u128(refund).u128(slashed);
        }
    }

    /** 12: {@code (who: AccountId, amount: u128)} added to the claimable refunds of {@code who}. */
    record RefundCredited(AccountId who, BigInteger amount) implements ResourceOrderEvent {
        public int eventIndex() {
            return 12;
        }

        public void encodeFields(ScaleWriter w) {
            acc(w, who).u128(amount);
        }
    }

    /** 13: {@code (who: AccountId, amount: u128)} of refunds paid out. */
    record RefundClaimed(AccountId who, BigInteger amount) implements ResourceOrderEvent {
        public int eventIndex() {
            return 13;
        }

        public void encodeFields(ScaleWriter w) {
            acc(w, who).u128(amount);
        }
    }

    /** 14: a closed order left storage after historyRetention. {@code (order: u64)}. */
    record OrderRemoved(long order) implements ResourceOrderEvent {
        public int eventIndex() {
            return 14;
        }

        public void encodeFields(ScaleWriter w) {
            w.u64(order);
        }
    }

    /** 15: a closed, fully paid agreement left storage after historyRetention. {@code (agreement: u64)}. */
    record AgreementRemoved(long agreement) implements ResourceOrderEvent {
        public int eventIndex() {
            return 15;
        }

        public void encodeFields(ScaleWriter w) {
            w.u64(agreement);
        }
    }

    private static ScaleWriter acc(ScaleWriter w, AccountId who) {
        AccountId.CODEC.encode(w, who);
        return w;
    }

    /** Decodes the fields of event {@code index} (for watchers and to skip events). */
    static ResourceOrderEvent decode(int index, ScaleReader r) {
        return switch (index) {
            case 0 -> new Pledged(AccountId.CODEC.decode(r), r.u128());
            case 1 -> new PledgeWithdrawn(AccountId.CODEC.decode(r), r.u128());
            case 2 -> new OrderCreated(r.u64(), AccountId.CODEC.decode(r), AccountId.CODEC.decode(r), r.u64(),
                    r.u32(), r.u128(), Bytes.wrap(r.vecBytes()));
            case 3 -> new RenewalOrdered(r.u64(), AccountId.CODEC.decode(r), AccountId.CODEC.decode(r), r.u64(),
                    r.u32(), r.u128());
            case 4 -> new OrderCanceled(r.u64(), AccountId.CODEC.decode(r), r.u128());
            case 5 -> new OrderTimedOut(r.u64(), AccountId.CODEC.decode(r), r.u128());
            case 6 -> new AgreementStarted(r.u64(), r.u64(), AccountId.CODEC.decode(r), AccountId.CODEC.decode(r),
                    r.u64(), r.u64(), r.u64(), r.u128());
            case 7 -> new AgreementRenewed(r.u64(), r.u64(), r.u64(), r.u128());
            case 8 -> new HeartbeatReceived(r.u64(), AccountId.CODEC.decode(r), r.u128(), r.u64());
            case 9 -> new RentWithdrawn(r.u64(), AccountId.CODEC.decode(r), r.u128());
            case 10 -> new AgreementFinished(r.u64(), r.u64(), AccountId.CODEC.decode(r), r.u128());
            case 11 -> new AgreementPunished(r.u64(), r.u64(), AccountId.CODEC.decode(r), AccountId.CODEC.decode(r),
                    r.u128(), r.u128());
            case 12 -> new RefundCredited(AccountId.CODEC.decode(r), r.u128());
            case 13 -> new RefundClaimed(AccountId.CODEC.decode(r), r.u128());
            case 14 -> new OrderRemoved(r.u64());
            case 15 -> new AgreementRemoved(r.u64());
            default -> throw new ScaleException("unknown ResourceOrder event " + index);
        };
    }
}
