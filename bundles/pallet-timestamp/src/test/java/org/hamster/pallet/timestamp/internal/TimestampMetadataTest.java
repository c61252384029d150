package org.hamster.pallet.timestamp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.testkit.MetadataConformance;
import org.hamster.common.Hex;
import org.hamster.pallet.timestamp.TimestampCall;
import org.hamster.pallet.timestamp.TimestampError;
import org.hamster.pallet.timestamp.TimestampStorage;
import org.junit.jupiter.api.Test;

class TimestampMetadataTest {
    @Test
    void theMetadataDescribesTheCodecs() throws Exception {
        TimestampPallet p = new TimestampPallet();
        p.configure(new ObjectMapper().readTree("{\"minimumPeriod\": 3000}"));
        MetadataConformance.of(p).calls(TimestampCall.class)
                .errors(TimestampError.class).storage(TimestampStorage.class)
                .sample(TimestampStorage.NOW, 1_700_000_000_000L).sample(TimestampStorage.DID_UPDATE, true)
                .constants().verify();
        PalletMeta meta = p.metadata();
        assertNull(meta.events(), "Timestamp has no events");
        assertEquals("MinimumPeriod", meta.constants().get(0).name());
        assertEquals("0xb80b000000000000", Hex.encode(meta.constants().get(0).value()));
    }
}
