package org.hamster.pallet.resourceorder.internal;

import org.hamster.chain.spi.State;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.RentalAgreement;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ResourceOrderStorage.AccountIndex;

/** The per-account indexes of orders and agreements, written and deleted with the items. */
final class Indexes {
    private static final byte[] UNIT = new byte[0];

    private Indexes() {
    }

    static void add(State s, Order o) {
        ResourceOrderStorage.TENANT_ORDERS.put(s, new AccountIndex(o.tenant(), o.id()), UNIT);
        ResourceOrderStorage.PROVIDER_ORDERS.put(s, new AccountIndex(o.provider(), o.id()), UNIT);
    }

    static void remove(State s, Order o) {
        ResourceOrderStorage.TENANT_ORDERS.remove(s, new AccountIndex(o.tenant(), o.id()));
        ResourceOrderStorage.PROVIDER_ORDERS.remove(s, new AccountIndex(o.provider(), o.id()));
    }

    static void add(State s, RentalAgreement a) {
        ResourceOrderStorage.TENANT_AGREEMENTS.put(s, new AccountIndex(a.tenant(), a.id()), UNIT);
        ResourceOrderStorage.PROVIDER_AGREEMENTS.put(s, new AccountIndex(a.provider(), a.id()), UNIT);
    }

    static void remove(State s, RentalAgreement a) {
        ResourceOrderStorage.TENANT_AGREEMENTS.remove(s, new AccountIndex(a.tenant(), a.id()));
        ResourceOrderStorage.PROVIDER_AGREEMENTS.remove(s, new AccountIndex(a.provider(), a.id()));
    }
}
