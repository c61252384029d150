package org.hamster.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.time.Instant;
import org.hamster.chain.AccountId;
import org.hamster.client.AgreementView;
import org.hamster.client.OrderState;
import org.hamster.client.OrderView;
import org.hamster.common.Bytes;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.junit.jupiter.api.Test;

/** Orders and agreements as the tenant sees them. */
class ViewsTest {
    private static final AccountId TENANT = AccountId.of(new byte[32]);
    private static final BigInteger HAM = BigInteger.TEN.pow(12);

    @Test
    void orderStatesAreTheOriginalClientsThree() {
        assertEquals(OrderState.PROCESSING, Views.state(OrderStatus.PENDING));
        assertEquals(OrderState.COMPLETED, Views.state(OrderStatus.FINISHED));
        assertEquals(OrderState.CANCELLED, Views.state(OrderStatus.CANCELED));
    }

    @Test
    void anOrder() {
        Order o = new Order(4, TENANT, TENANT, 2, 3, HAM, HAM.multiply(BigInteger.valueOf(3)), Bytes.wrap(new byte[0]),
                1_700_000_000_000L, OrderStatus.FINISHED, true, 9L);
        OrderView v = Views.order(o, Tokens.DEV);
        assertEquals(new OrderView(4, 2, 3, Tokens.DEV.amount(HAM.multiply(BigInteger.valueOf(3))),
                Instant.ofEpochMilli(1_700_000_000_000L), OrderState.COMPLETED, true, 9L), v);
        assertEquals("3 HAM", v.amount().text());
        assertEquals("3000000000000", v.amount().units());
    }

    @Test
    void remainingTimeCountsOnlyWhileTheLeaseRuns() {
        RentalAgreement a = agreement(AgreementStatus.USING);
        assertEquals(3600, Views.remainingSeconds(a, 0));
        assertEquals(1, Views.remainingSeconds(a, 3_598_500));
        assertEquals(0, Views.remainingSeconds(a, 3_600_000));
        assertEquals(0, Views.remainingSeconds(agreement(AgreementStatus.PUNISHED), 0));
        AgreementView v = Views.agreement(a, "12D3KooWx", 600_000, Tokens.DEV, null);
        assertEquals(3000, v.remainingSeconds());
        assertEquals("USING", v.status());
        assertEquals("12D3KooWx", v.peerId());
        assertEquals(Instant.ofEpochMilli(3_600_000), v.end());
        assertNull(v.link());
    }

    private static RentalAgreement agreement(AgreementStatus status) {
        return new RentalAgreement(1, 4, TENANT, TENANT, 2, HAM, 0, 3_600_000, 0, 0, HAM, BigInteger.ZERO,
                BigInteger.ZERO, HAM, status, Bytes.wrap(new byte[0]), 0);
    }
}
