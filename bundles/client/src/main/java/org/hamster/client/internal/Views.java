package org.hamster.client.internal;

import java.time.Instant;
import org.hamster.client.AgreementView;
import org.hamster.client.LinkView;
import org.hamster.client.OrderState;
import org.hamster.client.OrderView;
import org.hamster.pallet.resourceorder.AgreementStatus;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.OrderStatus;
import org.hamster.pallet.resourceorder.RentalAgreement;

/** The chain's orders and agreements as the tenant sees them. */
final class Views {
    private Views() {
    }

    /** Pending: PROCESSING; executed: COMPLETED; canceled or timed out: CANCELLED. */
    static OrderState state(OrderStatus status) {
        return switch (status) {
            case PENDING -> OrderState.PROCESSING;
            case FINISHED -> OrderState.COMPLETED;
            case CANCELED -> OrderState.CANCELLED;
        };
    }

    static OrderView order(Order o, Tokens tokens) {
        return new OrderView(o.id(), o.resource(), o.hours(), tokens.amount(o.amount()),
                Instant.ofEpochMilli(o.createdAt()), state(o.status()), o.renewal(), o.agreement());
    }

    /** Whole seconds from {@code nowMs} (chain time) to the end of a running lease; 0 once it is not running. */
    static long remainingSeconds(RentalAgreement a, long nowMs) {
        return a.status() == AgreementStatus.USING && a.end() > nowMs ? (a.end() - nowMs) / 1000 : 0;
    }

    static AgreementView agreement(RentalAgreement a, String peerId, long nowMs, Tokens tokens, LinkView link) {
        return new AgreementView(a.id(), a.order(), a.resource(), a.provider().ss58(), peerId, a.status().name(),
                Instant.ofEpochMilli(a.start()), Instant.ofEpochMilli(a.end()), remainingSeconds(a, nowMs),
                tokens.amount(a.pricePerHour()), tokens.amount(a.amount()), link);
    }
}
