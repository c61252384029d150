package org.hamster.pallet.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProviderConfig parse(String json) throws Exception {
        return ProviderConfig.parse(JSON.readTree(json));
    }

    private static void refused(String json, String message) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> parse(json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void absentConstantsTakeTheDevDefaults() throws Exception {
        assertEquals(ProviderConfig.DEFAULT, ProviderConfig.parse(MissingNode.getInstance()));
        assertEquals(ProviderConfig.DEFAULT, parse("{}"));
        ProviderConfig d = ProviderConfig.DEFAULT;
        assertEquals(3_600_000, d.hourMs());
        assertEquals(64, d.maxCpu());
        assertEquals(256, d.maxMemoryGiB());
        assertEquals(BigInteger.ONE, d.minPricePerHour());
    }

    @Test
    void givenConstantsAreRead() throws Exception {
        ProviderConfig c = parse("{\"hourMs\": 60000, \"slotMs\": 1000, \"maxScheduledPerBlock\": 7, \"maxCpu\": 8,"
                + " \"maxMemoryGiB\": 16, \"maxDiskGiB\": 500, \"maxTextLength\": 64, \"maxPeerIdLength\": 60,"
                + " \"minPricePerHour\": \"1000000000\", \"maxRentableHours\": 720, \"maxResourcesPerProvider\": 4}");
        assertEquals(new ProviderConfig(60_000, 1_000, 7, 8, 16, 500, 64, 60, BigInteger.valueOf(1_000_000_000),
                720, 4), c);
    }

    @Test
    void badConstantsAreRefusedClearly() {
        refused("{\"hourMS\": 1}", "no constant 'hourMS'");
        refused("{\"hourMs\": 0}", "Provider.hourMs must be within 1..");
        refused("{\"hourMs\": -5}", "0..2^63-1");
        refused("{\"slotMs\": \"soon\"}", "non-negative integer");
        refused("{\"maxScheduledPerBlock\": 0}", "maxScheduledPerBlock");
        refused("{\"maxCpu\": 0}", "maxCpu");
        refused("{\"maxPeerIdLength\": 10}", "maxPeerIdLength");
        refused("{\"minPricePerHour\": \"0\"}", "greater than zero");
        refused("{\"maxRentableHours\": 4294967296}", "maxRentableHours");
        refused("{\"hourMs\": 9223372036854775807, \"maxRentableHours\": 2}", "overflows");
        refused("[1]", "JSON object");
    }
}
