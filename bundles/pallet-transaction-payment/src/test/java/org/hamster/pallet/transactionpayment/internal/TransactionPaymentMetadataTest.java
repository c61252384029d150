package org.hamster.pallet.transactionpayment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.testkit.MetadataConformance;
import org.hamster.common.Hex;
import org.hamster.pallet.transactionpayment.TransactionPaymentEvent;
import org.hamster.pallet.transactionpayment.TransactionPaymentStorage;
import org.junit.jupiter.api.Test;

class TransactionPaymentMetadataTest {
    @Test
    void theMetadataDescribesTheCodecs() throws Exception {
        TransactionPaymentPallet p = new TransactionPaymentPallet();
        p.configure(new ObjectMapper().readTree("{\"baseFee\": \"1000000000\", \"byteFee\": \"1000000\"}"));
        MetadataConformance.of(p).events(TransactionPaymentEvent.class).storage(TransactionPaymentStorage.class)
                .constants().verify();
        PalletMeta meta = p.metadata();
        assertNull(meta.calls());
        assertNull(meta.errors());
        assertEquals(List.of("BaseFee", "ByteFee"), meta.constants().stream().map(PalletMeta.Constant::name).toList());
        assertEquals("0x00ca9a3b000000000000000000000000", Hex.encode(meta.constants().get(0).value()));
        assertEquals("0x40420f00000000000000000000000000", Hex.encode(meta.constants().get(1).value()));
    }
}
