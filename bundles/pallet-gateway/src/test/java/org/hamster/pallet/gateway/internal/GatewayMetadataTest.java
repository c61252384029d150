package org.hamster.pallet.gateway.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.pallet.gateway.internal.GatewayFixture.addr;
import static org.hamster.pallet.gateway.internal.GatewayFixture.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hamster.chain.spi.Origin;
import org.hamster.chain.testkit.MetadataConformance;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.pallet.gateway.GatewayCall;
import org.hamster.pallet.gateway.GatewayError;
import org.hamster.pallet.gateway.GatewayEvent;
import org.hamster.pallet.gateway.GatewayStorage;
import org.junit.jupiter.api.Test;

class GatewayMetadataTest {
    /** The Gateway constants of the dev chain spec (chain-runtime dev.json). */
    static final String DEV = "{\"gatewayBond\": \"100000000000000\", \"maxGateways\": 1000,"
            + " \"maxGatewaysPerAccount\": 8, \"heartbeatIntervalMs\": 300000, \"heartbeatToleranceMs\": 900000,"
            + " \"slotMs\": 60000, \"maxRemovalsPerBlock\": 20, \"maxChecksPerBlock\": 200,"
            + " \"silencePenaltyPercent\": 10, \"maxMultiaddrLength\": 256, \"publicAddressesOnly\": false}";

    @Test
    void metadataDescribesTheCodecs() throws Exception {
        PalletHarness h = GatewayFixture.harness();
        h.dispatch(Origin.signed(ALICE), "Gateway", new GatewayCall.RegisterGateway(addr(1)));
        h.dispatch(Origin.signed(ALICE), "Gateway", new GatewayCall.RegisterGateway(addr(2)));
        var slot = GatewayStorage.LIVENESS_SCHEDULE.page(h.state(), null, 1).get(0);
        JsonNode json = new ObjectMapper().readTree(DEV);
        GatewayPallet dev = new GatewayPallet();
        dev.configure(json);
        MetadataConformance.of(dev).calls(GatewayCall.class).events(GatewayEvent.class).errors(GatewayError.class)
                .storage(GatewayStorage.class)
                .sample(GatewayStorage.GATEWAYS, peer(1), GatewayStorage.GATEWAYS.get(h.state(), peer(1)))
                .sample(GatewayStorage.ACCOUNT_GATEWAYS, ALICE,
                        GatewayStorage.ACCOUNT_GATEWAYS.get(h.state(), ALICE))
                .sample(GatewayStorage.GATEWAY_COUNT, GatewayStorage.gatewayCount(h.state()))
                .sample(GatewayStorage.BOOTSTRAP_LIST, GatewayStorage.bootstrapList(h.state()))
                .sample(GatewayStorage.LIVENESS_SCHEDULE, slot.getKey(), slot.getValue())
                .constants().constantsOf(GatewayConfig.parse(json)).verify();
    }

}
