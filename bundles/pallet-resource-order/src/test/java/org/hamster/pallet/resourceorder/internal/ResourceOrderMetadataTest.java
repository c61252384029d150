package org.hamster.pallet.resourceorder.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.chain.testkit.TestAccounts.BOB;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.hamster.chain.testkit.MetadataConformance;
import org.hamster.pallet.resourceorder.Order;
import org.hamster.pallet.resourceorder.ResourceOrderCall;
import org.hamster.pallet.resourceorder.ResourceOrderError;
import org.hamster.pallet.resourceorder.ResourceOrderEvent;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.resourceorder.ResourceOrderStorage.AccountIndex;
import org.hamster.pallet.resourceorder.ScheduledTask;
import org.junit.jupiter.api.Test;

class ResourceOrderMetadataTest {
    /** The ResourceOrder constants of the dev chain spec (chain-runtime dev.json). */
    static final String DEV = "{\"slotMs\": 6000, \"maxScheduledPerBlock\": 100, \"orderTimeout\": 1800000,"
            + " \"heartbeatTolerance\": 900000, \"graceAllowance\": 600000, \"historyRetention\": 86400000,"
            + " \"maxSshKeyLength\": 2048}";

    @Test
    void metadataDescribesTheCodecs() throws Exception {
        MarketFixture f = new MarketFixture();
        long resource = f.register(ALICE, 100, 10);
        f.pledge(ALICE, 10_000);
        long orderId = f.order(BOB, resource, 2);
        Order pending = f.order(orderId);
        long agreement = f.exec(ALICE, orderId);
        ScheduledTask task = ResourceOrderStorage.SCHEDULE.page(f.h.state(), null, 1).get(0).getKey();
        ResourceOrderPallet dev = new ResourceOrderPallet();
        dev.configure(new ObjectMapper().readTree(DEV));
        MetadataConformance.of(dev).calls(ResourceOrderCall.class).events(ResourceOrderEvent.class)
                .errors(ResourceOrderError.class).storage(ResourceOrderStorage.class)
                .sample(ResourceOrderStorage.NEXT_ORDER_ID, orderId + 1)
                .sample(ResourceOrderStorage.NEXT_AGREEMENT_ID, agreement + 1)
                .sample(ResourceOrderStorage.ORDERS, orderId, pending)
                .sample(ResourceOrderStorage.ORDERS, orderId, f.order(orderId))
                .sample(ResourceOrderStorage.AGREEMENTS, agreement, f.agreement(agreement))
                .sample(ResourceOrderStorage.PLEDGES, ALICE, f.pledgeOf(ALICE))
                .sample(ResourceOrderStorage.REFUNDS, BOB, BigInteger.valueOf(1_234_567_890_123L))
                .sample(ResourceOrderStorage.TENANT_ORDERS, new AccountIndex(BOB, orderId), new byte[0])
                .sample(ResourceOrderStorage.PROVIDER_ORDERS, new AccountIndex(ALICE, orderId), new byte[0])
                .sample(ResourceOrderStorage.TENANT_AGREEMENTS, new AccountIndex(BOB, agreement), new byte[0])
                .sample(ResourceOrderStorage.PROVIDER_AGREEMENTS, new AccountIndex(ALICE, agreement), new byte[0])
                .sample(ResourceOrderStorage.SCHEDULE, task, new byte[0])
                .constants().constantsOf(dev.config()).verify();
    }

}
