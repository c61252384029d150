package org.hamster.pallet.provider.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.hamster.pallet.provider.internal.ProviderFixture.PEER;
import static org.hamster.pallet.provider.internal.ProviderFixture.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import org.hamster.chain.testkit.MetadataConformance;
import org.hamster.pallet.provider.ProviderCall;
import org.hamster.pallet.provider.ProviderError;
import org.hamster.pallet.provider.ProviderEvent;
import org.hamster.pallet.provider.ProviderStatistics;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.ProviderStorage.ListingExpiry;
import org.hamster.pallet.provider.Resource;
import org.junit.jupiter.api.Test;

class ProviderMetadataTest {
    /** The Provider constants of the dev chain spec (chain-runtime dev.json). */
    static final String DEV = "{\"hourMs\": 3600000, \"slotMs\": 6000, \"maxScheduledPerBlock\": 100, \"maxCpu\": 64,"
            + " \"maxMemoryGiB\": 256, \"maxDiskGiB\": 16384, \"maxTextLength\": 128, \"maxPeerIdLength\": 128,"
            + " \"minPricePerHour\": \"1\", \"maxRentableHours\": 8760, \"maxResourcesPerProvider\": 32}";

    @Test
    void metadataDescribesTheCodecs() throws Exception {
        ProviderFixture f = new ProviderFixture();
        long id = f.register(ALICE, 1_000_000_000L, 10);
        Resource registered = f.resource(id);
        ProviderPallet dev = new ProviderPallet();
        dev.configure(new ObjectMapper().readTree(DEV));
        MetadataConformance.of(dev)
                .calls(ProviderCall.class, new ProviderCall.RegisterResource(PEER, 4, 8, 100, text("Debian 12"),
                        text("x86_64"), BigInteger.valueOf(1_000_000_000_000L), 24, null, text("eu")))
                .events(ProviderEvent.class).errors(ProviderError.class).storage(ProviderStorage.class)
                .sample(ProviderStorage.NEXT_RESOURCE_ID, id + 1)
                .sample(ProviderStorage.RESOURCE_COUNT, 1L)
                .sample(ProviderStorage.RESOURCES, id, registered)
                .sample(ProviderStorage.PROVIDER_RESOURCES, ALICE, List.of(id, 7L))
                .sample(ProviderStorage.PROVIDER_STATS, ALICE, new ProviderStatistics(3, 48, 1, 120_000))
                .sample(ProviderStorage.LISTING_EXPIRIES, new ListingExpiry(registered.endOfRent() / 6000, id),
                        new byte[0])
                .constants().constantsOf(dev.config()).verify();
    }

    /** A status enum's variants are its constants at their ordinals (what its codec writes), by name. */
}
