package org.hamster.pallet.resourceorder.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.chain.testkit.TestAccounts.CHARLIE;
import static org.hamster.chain.testkit.TestAccounts.DAVE;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.ED;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.FUNDS;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.HOUR;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.RETENTION;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.SSH_KEY;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.TIMEOUT;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hamster.chain.DispatchError;
import org.hamster.chain.spi.DispatchException;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.support.SpecValues;
import org.hamster.common.Bytes;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.balances.BalancesError;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ResourceOrderStorage.AccountIndex;
import org.hamster.pallet.resourceorder.ScheduledTask;
import org.hamster.pallet.resourceorder.ScheduledTask.Kind;
import org.junit.jupiter.api.Test;

class OrderTest {
    private final MarketFixture f = new MarketFixture();
    private final long resource;

    OrderTest() throws DispatchException {
        resource = f.register(ALICE, 100, 10);
        f.pledge(ALICE, 10_000);
    }

    private boolean scheduled(long slot, Kind kind, long id) {
        return ResourceOrderStorage.SCHEDULE.contains(f.h.state(), new ScheduledTask(slot, kind, id));
    }

    @Test
    void anOrderPaysIntoEscrowAndLocksTheResource() throws DispatchException {
        long now = f.h.now();
        long id = f.order(BOB, resource, 2);
        assertEquals(new Order(0, BOB, ALICE, resource, 2, b(100), b(200), SSH_KEY, now, OrderStatus.PENDING, false,
                null), f.order(id));
        assertEquals(FUNDS.subtract(b(200)), f.free(BOB));
        assertEquals(ED.add(b(200)), f.escrow());
        assertEquals(ResourceStatus.LOCKED, f.resource(resource).status());
        assertTrue(ResourceOrderStorage.TENANT_ORDERS.contains(f.h.state(), new AccountIndex(BOB, id)));
        assertTrue(ResourceOrderStorage.PROVIDER_ORDERS.contains(f.h.state(), new AccountIndex(ALICE, id)));
        assertTrue(scheduled((now + TIMEOUT) / 6000, Kind.ORDER_TIMEOUT, id));
        assertEquals(List.of(new ProviderEvent.ResourceStatusChanged(resource, ResourceStatus.LOCKED),
                new BalancesEvent.Transfer(BOB, ResourceOrderStorage.ESCROW, b(200)),
                new ResourceOrderEvent.OrderCreated(id, BOB, ALICE, resource, 2, b(200), SSH_KEY)),
                f.h.events().subList(f.h.events().size() - 3, f.h.events().size()));
        assertEquals(1L, ResourceOrderStorage.NEXT_ORDER_ID.get(f.h.state()));
    }

    @Test
    void anOrderIsCheckedBeforeAnythingMoves() throws DispatchException {
        assertSame(ResourceOrderError.InvalidHours, f.fails(BOB, new ResourceOrderCall.CreateOrder(resource, 0,
                SSH_KEY)));
        assertSame(ResourceOrderError.InvalidSshKey, f.fails(BOB, new ResourceOrderCall.CreateOrder(resource, 1,
                Bytes.wrap("ssh-ed25519 AAAA".getBytes()))));
        assertSame(ProviderError.ResourceNotFound, f.fails(BOB, new ResourceOrderCall.CreateOrder(9, 1, SSH_KEY)));
        assertSame(ResourceOrderError.OwnResource, f.fails(ALICE, new ResourceOrderCall.CreateOrder(resource, 1,
                SSH_KEY)));
        assertSame(ProviderError.ExceedsRentableTime, f.fails(BOB, new ResourceOrderCall.CreateOrder(resource, 11,
                SSH_KEY)));
        long pricey = f.register(ALICE, 1_000_000, 10);
        assertSame(BalancesError.InsufficientBalance, f.fails(BOB, new ResourceOrderCall.CreateOrder(pricey, 2,
                SSH_KEY)));
        assertSame(BalancesError.Expendability, f.fails(BOB, new ResourceOrderCall.CreateOrder(pricey, 1,
                SSH_KEY)));
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.ModifyResourcePrice(pricey,
                SpecValues.U128_MAX));
        DispatchException overflow = f.h.assertNoop(Origin.signed(BOB), "ResourceOrder",
                new ResourceOrderCall.CreateOrder(pricey, 2, SSH_KEY));
        assertEquals(DispatchError.Kind.ARITHMETIC, overflow.systemError().kind());
        f.order(BOB, resource, 1);
        assertSame(ProviderError.ResourceNotUnused, f.fails(DAVE, new ResourceOrderCall.CreateOrder(resource, 1,
                SSH_KEY)));
    }

    @Test
    void theTenantCancelsAPendingOrderForAFullRefund() throws DispatchException {
        long id = f.order(BOB, resource, 2);
        long created = f.h.now();
        f.h.nextBlock();
        assertSame(ResourceOrderError.OrderNotFound, f.fails(BOB, new ResourceOrderCall.CancelOrder(7)));
        assertSame(ResourceOrderError.NotOrderTenant, f.fails(CHARLIE, new ResourceOrderCall.CancelOrder(id)));
        f.call(BOB, new ResourceOrderCall.CancelOrder(id));
        assertEquals(FUNDS, f.free(BOB));
        assertEquals(ED, f.escrow());
        assertEquals(OrderStatus.CANCELED, f.order(id).status());
        assertEquals(ResourceStatus.UNUSED, f.resource(resource).status());
        assertFalse(scheduled((created + TIMEOUT) / 6000, Kind.ORDER_TIMEOUT, id));
        assertTrue(scheduled((f.h.now() + RETENTION) / 6000, Kind.PURGE_ORDER, id));
        assertEquals(new ResourceOrderEvent.OrderCanceled(id, BOB, b(200)), f.h.lastEvent());
        assertSame(ResourceOrderError.OrderNotPending, f.fails(BOB, new ResourceOrderCall.CancelOrder(id)));
        long next = f.order(BOB, resource, 1);
        f.exec(ALICE, next);
        assertSame(ResourceOrderError.OrderNotPending, f.fails(BOB, new ResourceOrderCall.CancelOrder(next)));
    }

    @Test
    void aPendingOrderTimesOutAndRefundsItself() throws DispatchException {
        long id = f.order(BOB, resource, 2);
        long timeout = f.h.now() + TIMEOUT;
        f.advanceTo(timeout - 6000);
        assertEquals(OrderStatus.PENDING, f.order(id).status());
        f.advanceTo(timeout);
        assertEquals(OrderStatus.CANCELED, f.order(id).status());
        assertEquals(FUNDS, f.free(BOB));
        assertEquals(ResourceStatus.UNUSED, f.resource(resource).status());
        assertTrue(f.h.events().contains(new ResourceOrderEvent.OrderTimedOut(id, BOB, b(200))));
        assertSame(ResourceOrderError.OrderNotPending, f.fails(ALICE, new ResourceOrderCall.ExecOrder(id)));
    }

    @Test
    void anOrderPastItsTimeoutCannotBeExecutedEvenIfTheScheduleLags() throws DispatchException {
        long id = f.order(BOB, resource, 2);
        Order o = f.order(id);
        ResourceOrderStorage.SCHEDULE.remove(f.h.state(), new ScheduledTask((o.createdAt() + TIMEOUT) / 6000,
                Kind.ORDER_TIMEOUT, id));
        f.advanceTo(o.createdAt() + TIMEOUT);
        assertSame(ResourceOrderError.OrderExpired, f.fails(ALICE, new ResourceOrderCall.ExecOrder(id)));
        f.call(BOB, new ResourceOrderCall.CancelOrder(id));
        assertEquals(FUNDS, f.free(BOB));
    }

    @Test
    void aRefundToAReapedAccountBecomesAClaimableRefund() throws DispatchException {
        long cheap = f.register(CHARLIE, 1, 10);
        long id = f.order(DAVE, cheap, 5);
        f.h.dispatch(Origin.signed(DAVE), "Balances", new BalancesCall.TransferAll(BOB, false));
        assertEquals(b(0), f.free(DAVE));
        f.advanceTo(f.order(id).createdAt() + TIMEOUT);
        assertEquals(b(5), f.refundOf(DAVE));
        assertTrue(f.h.events().contains(new ResourceOrderEvent.RefundCredited(DAVE, b(5))));
        assertEquals(ED.add(b(5)), f.escrow());
        assertSame(BalancesError.ExistentialDeposit, f.fails(DAVE, new ResourceOrderCall.ClaimRefund()));
        f.h.dispatch(Origin.signed(BOB), "Balances", new BalancesCall.TransferAllowDeath(DAVE, b(100)));
        f.call(DAVE, new ResourceOrderCall.ClaimRefund());
        assertEquals(b(105), f.free(DAVE));
        assertEquals(ED, f.escrow());
        assertEquals(new ResourceOrderEvent.RefundClaimed(DAVE, b(5)), f.h.lastEvent());
        assertSame(ResourceOrderError.NoRefund, f.fails(DAVE, new ResourceOrderCall.ClaimRefund()));
    }

    @Test
    void onlyTheTenantRenewsARunningLeaseAtTheCurrentPrice() throws DispatchException {
        long agreement = f.exec(ALICE, f.order(BOB, resource, 2));
        assertSame(ResourceOrderError.NotAgreementTenant, f.fails(CHARLIE, new ResourceOrderCall.Renew(agreement,
                1)));
        assertSame(ResourceOrderError.NotAgreementTenant, f.fails(ALICE, new ResourceOrderCall.Renew(agreement, 1)));
        assertSame(ResourceOrderError.InvalidHours, f.fails(BOB, new ResourceOrderCall.Renew(agreement, 0)));
        assertSame(ResourceOrderError.AgreementNotFound, f.fails(BOB, new ResourceOrderCall.Renew(9, 1)));
        assertSame(ProviderError.ExceedsRentableTime, f.fails(BOB, new ResourceOrderCall.Renew(agreement, 9)));
        f.h.dispatch(Origin.signed(ALICE), "Provider", new ProviderCall.ModifyResourcePrice(resource, b(150)));
        long renewal = f.renew(BOB, agreement, 3);
        assertEquals(new Order(renewal, BOB, ALICE, resource, 3, b(150), b(450), Bytes.wrap(new byte[0]),
                f.h.now(), OrderStatus.PENDING, true, agreement), f.order(renewal));
        assertEquals(new ResourceOrderEvent.RenewalOrdered(renewal, BOB, ALICE, agreement, 3, b(450)),
                f.h.lastEvent());
        assertEquals(FUNDS.subtract(b(650)), f.free(BOB));
        assertEquals(ResourceStatus.INUSE, f.resource(resource).status());
    }

    @Test
    void aCanceledRenewalLeavesTheLeaseAlone() throws DispatchException {
        long agreement = f.exec(ALICE, f.order(BOB, resource, 2));
        long renewal = f.renew(BOB, agreement, 1);
        f.call(BOB, new ResourceOrderCall.CancelOrder(renewal));
        assertEquals(ResourceStatus.INUSE, f.resource(resource).status());
        assertEquals(FUNDS.subtract(b(200)), f.free(BOB));
        long timedOut = f.renew(BOB, agreement, 1);
        f.advanceTo(f.order(timedOut).createdAt() + TIMEOUT);
        assertEquals(OrderStatus.CANCELED, f.order(timedOut).status());
        assertEquals(ResourceStatus.INUSE, f.resource(resource).status());
        assertEquals(f.agreement(agreement).start() + 2 * HOUR, f.agreement(agreement).end());
    }

    @Test
    void closedOrdersArePurgedAfterTheRetention() throws DispatchException {
        long id = f.order(BOB, resource, 2);
        f.call(BOB, new ResourceOrderCall.CancelOrder(id));
        long closed = f.h.now();
        f.advanceTo(closed + RETENTION - 6000);
        assertEquals(OrderStatus.CANCELED, f.order(id).status());
        f.advanceTo(closed + RETENTION);
        assertNull(f.order(id));
        assertFalse(ResourceOrderStorage.TENANT_ORDERS.contains(f.h.state(), new AccountIndex(BOB, id)));
        assertFalse(ResourceOrderStorage.PROVIDER_ORDERS.contains(f.h.state(), new AccountIndex(ALICE, id)));
        assertTrue(f.h.events().contains(new ResourceOrderEvent.OrderRemoved(id)));
        assertSame(ResourceOrderError.OrderNotFound, f.fails(BOB, new ResourceOrderCall.CancelOrder(id)));
    }
}
