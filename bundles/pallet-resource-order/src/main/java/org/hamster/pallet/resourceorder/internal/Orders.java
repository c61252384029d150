package org.hamster.pallet.resourceorder.internal;

import org.hamster.chain.support.Checked;
import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.State;
import org.hamster.chain.support.SpecValues;
import org.hamster.common.Bytes;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.Resource;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ScheduledTask.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Orders: placing (new and renewal), canceling, timing out and purging them. */
final class Orders {
    private static final Logger LOG = LoggerFactory.getLogger(Orders.class);
    private static final Bytes NO_KEY = Bytes.wrap(new byte[0]);

    private Orders() {
    }

    static Order get(State s, long id) throws DispatchException {
        Order o = ResourceOrderStorage.ORDERS.get(s, id);
        if (o == null) {
            throw new DispatchException(ResourceOrderError.OrderNotFound);
        }
        return o;
    }

    static void create(Env e, AccountId tenant, long resourceId, long hours, Bytes sshKey) throws DispatchException {
        State s = e.state();
        if (hours < 1) {
            throw new DispatchException(ResourceOrderError.InvalidHours);
        }
        if (!SshKeys.valid(sshKey.unsafeArray(), e.cfg().maxSshKeyLength())) {
            throw new DispatchException(ResourceOrderError.InvalidSshKey);
        }
        Resource r = resource(e, resourceId);
        if (r.owner().equals(tenant)) {
            throw new DispatchException(ResourceOrderError.OwnResource);
        }
        BigInteger amount = cost(r, hours);
        e.resources().lock(e.ctx(), resourceId, hours);
        Escrow.payIn(e, tenant, amount);
        Order o = insert(e, new Order(nextId(s), tenant, r.owner(), resourceId, hours, r.pricePerHour(), amount,
                sshKey, e.now(), OrderStatus.PENDING, false, null));
        e.ctx().deposit(new ResourceOrderEvent.OrderCreated(o.id(), tenant, o.provider(), resourceId, hours, amount,
                sshKey));
    }

    /** FIX: only the tenant renews; it pays now at the current price, the provider's exec extends the lease. */
    static void renew(Env e, AccountId tenant, long agreementId, long hours) throws DispatchException {
        State s = e.state();
        if (hours < 1) {
            throw new DispatchException(ResourceOrderError.InvalidHours);
        }
        RentalAgreement a = Agreements.get(s, agreementId);
        if (!a.tenant().equals(tenant)) {
            throw new DispatchException(ResourceOrderError.NotAgreementTenant);
        }
        if (!a.activeAt(e.now())) {
            throw new DispatchException(ResourceOrderError.AgreementNotActive);
        }
        Resource r = resource(e, a.resource());
        BigInteger amount = cost(r, hours);
        long newEnd = Checked.add(a.end(), Checked.mul(hours, e.hourMs()));
        e.resources().ensureRentableUntil(s, a.resource(), newEnd);
        Escrow.payIn(e, tenant, amount);
        Order o = insert(e, new Order(nextId(s), tenant, a.provider(), a.resource(), hours, r.pricePerHour(),
                amount, NO_KEY, e.now(), OrderStatus.PENDING, true, agreementId));
        e.ctx().deposit(new ResourceOrderEvent.RenewalOrdered(o.id(), tenant, a.provider(), agreementId, hours,
                amount));
    }

    /** Only the tenant, only while Pending (also after the timeout, before the hook got to it): full refund. */
    static void cancel(Env e, AccountId tenant, long orderId) throws DispatchException {
        Order o = get(e.state(), orderId);
        if (!o.tenant().equals(tenant)) {
            throw new DispatchException(ResourceOrderError.NotOrderTenant);
        }
        if (o.status() != OrderStatus.PENDING) {
            throw new DispatchException(ResourceOrderError.OrderNotPending);
        }
        e.schedule().unscheduleTimeout(e.state(), o);
        close(e, o);
        e.ctx().deposit(new ResourceOrderEvent.OrderCanceled(o.id(), tenant, o.amount()));
    }

    /** ORDER_TIMEOUT task: a pending order that waited orderTimeout refunds itself. */
    static void timeout(Env e, long orderId) {
        Order o = ResourceOrderStorage.ORDERS.get(e.state(), orderId);
        if (o == null) {
            LOG.info("Order {} to time out is gone; skipped", orderId);
        } else if (o.status() != OrderStatus.PENDING) {
            LOG.debug("Order {} is {}; timeout ignored", orderId, o.status());
        } else if (!e.schedule().timedOut(o, e.now())) {
            e.schedule().scheduleTimeout(e.state(), o);
        } else {
            close(e, o);
            e.ctx().deposit(new ResourceOrderEvent.OrderTimedOut(o.id(), o.tenant(), o.amount()));
        }
    }

    /** PURGE_ORDER task. */
    static void purge(Env e, long orderId) {
        Order o = ResourceOrderStorage.ORDERS.get(e.state(), orderId);
        if (o == null) {
            LOG.info("Order {} to purge is gone; skipped", orderId);
        } else if (o.status() == OrderStatus.PENDING) {
            LOG.warn("Order {} to purge is still pending; kept", orderId);
        } else {
            ResourceOrderStorage.ORDERS.remove(e.state(), orderId);
            Indexes.remove(e.state(), o);
            e.ctx().deposit(new ResourceOrderEvent.OrderRemoved(orderId));
        }
    }

    /** The order becomes Canceled: refund, a new order's resource back to Unused, purge scheduled. */
    private static void close(Env e, Order o) {
        Escrow.refund(e, o.tenant(), o.amount());
        finish(e, o.closed(OrderStatus.CANCELED, o.agreement()));
        if (!o.renewal()) {
            e.resources().release(e.ctx(), o.resource());
        }
    }

    /** Stores a closed order and schedules its purge. */
    static void finish(Env e, Order closed) {
        ResourceOrderStorage.ORDERS.put(e.state(), closed.id(), closed);
        e.schedule().schedulePurge(e.state(), Kind.PURGE_ORDER, closed.id(), e.now());
    }

    private static Resource resource(Env e, long id) throws DispatchException {
        Resource r = e.resources().resource(e.state(), id);
        if (r == null) {
            throw new DispatchException(ProviderError.ResourceNotFound);
        }
        return r;
    }

    private static BigInteger cost(Resource r, long hours) throws DispatchException {
        BigInteger amount = r.pricePerHour().multiply(BigInteger.valueOf(hours));
        if (amount.compareTo(SpecValues.U128_MAX) > 0) {
            throw DispatchException.overflow();
        }
        return amount;
    }

    private static long nextId(State s) throws DispatchException {
        long id = ResourceOrderStorage.NEXT_ORDER_ID.getOr(s, 0L);
        ResourceOrderStorage.NEXT_ORDER_ID.put(s, Checked.add(id, 1));
        return id;
    }

    private static Order insert(Env e, Order o) {
        ResourceOrderStorage.ORDERS.put(e.state(), o.id(), o);
        Indexes.add(e.state(), o);
        e.schedule().scheduleTimeout(e.state(), o);
        return o;
    }
}
