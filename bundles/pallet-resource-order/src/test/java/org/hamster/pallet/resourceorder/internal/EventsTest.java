package org.hamster.pallet.resourceorder.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.SSH_KEY;
import static org.hamster.pallet.resourceorder.internal.MarketFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hamster.codec.ScaleException;
import org.hamster.codec.ScaleReader;
import org.hamster.codec.ScaleWriter;
import org.hamster.common.Bytes;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ScheduledTask;
import org.junit.jupiter.api.Test;

/** The SCALE layouts clients decode: every event, the stored types and the schedule key order. */
class EventsTest {
    @Test
    void everyEventDecodesBackToItself() {
        List<ResourceOrderEvent> all = List.of(new ResourceOrderEvent.Pledged(ALICE, b(1)),
                new ResourceOrderEvent.PledgeWithdrawn(ALICE, b(2)),
                new ResourceOrderEvent.OrderCreated(1, BOB, ALICE, 2, 3, b(4), SSH_KEY),
                new ResourceOrderEvent.RenewalOrdered(1, BOB, ALICE, 2, 3, b(4)),
                new ResourceOrderEvent.OrderCanceled(1, BOB, b(5)), new ResourceOrderEvent.OrderTimedOut(1, BOB, b(5)),
                new ResourceOrderEvent.AgreementStarted(1, 2, ALICE, BOB, 3, 4, 5, b(6)),
                new ResourceOrderEvent.AgreementRenewed(1, 2, 3, b(4)),
                new ResourceOrderEvent.HeartbeatReceived(1, ALICE, b(2), 3),
                new ResourceOrderEvent.RentWithdrawn(1, ALICE, b(2)),
                new ResourceOrderEvent.AgreementFinished(1, 2, ALICE, b(3)),
                new ResourceOrderEvent.AgreementPunished(1, 2, ALICE, BOB, b(3), b(4)),
                new ResourceOrderEvent.RefundCredited(BOB, b(1)), new ResourceOrderEvent.RefundClaimed(BOB, b(1)),
                new ResourceOrderEvent.OrderRemoved(7), new ResourceOrderEvent.AgreementRemoved(8));
        for (int i = 0; i < all.size(); i++) {
            ResourceOrderEvent e = all.get(i);
            assertEquals(i, e.eventIndex());
            ScaleWriter w = new ScaleWriter();
            e.encodeFields(w);
            ScaleReader r = new ScaleReader(w.toByteArray());
            assertEquals(e, ResourceOrderEvent.decode(e.eventIndex(), r));
            r.expectEnd();
        }
        assertThrows(ScaleException.class, () -> new ResourceOrderPallet().skipEventFields(16,
                new ScaleReader(new byte[0])));
    }

    @Test
    void storedTypesRoundTrip() {
        Order o = new Order(3, BOB, ALICE, 4, 5, b(6), b(30), SSH_KEY, 99, OrderStatus.FINISHED, true, 8L);
        assertEquals(o, Order.CODEC.decodeAll(Order.CODEC.encode(o)));
        Order none = o.closed(OrderStatus.CANCELED, null);
        assertEquals(none, Order.CODEC.decodeAll(Order.CODEC.encode(none)));
        RentalAgreement a = new RentalAgreement(1, 2, ALICE, BOB, 3, b(4), 5, 6, 7, 8, b(9), b(10), b(11), b(12),
                AgreementStatus.PUNISHED, Bytes.wrap(new byte[] {1, 2}), 13);
        assertEquals(a, RentalAgreement.CODEC.decodeAll(RentalAgreement.CODEC.encode(a)));
    }

    @Test
    void scheduleKeysSortByDueSlotThenKind() {
        byte[] k = ScheduledTask.CODEC.encode(new ScheduledTask(0x0102, ScheduledTask.Kind.AGREEMENT_END, 5));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 1, 2, 2, 5, 0, 0, 0, 0, 0, 0, 0}, k);
        byte[] later = ScheduledTask.CODEC.encode(new ScheduledTask(0x0200, ScheduledTask.Kind.ORDER_TIMEOUT, 0));
        assertEquals(-1, Integer.signum(java.util.Arrays.compareUnsigned(k, later)));
    }
}
