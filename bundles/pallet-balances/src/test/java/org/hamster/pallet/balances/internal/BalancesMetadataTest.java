package org.hamster.pallet.balances.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.hamster.chain.spi.meta.PalletMeta;
import org.hamster.chain.testkit.MetadataConformance;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.common.Hex;
import org.hamster.pallet.balances.BalancesCall;
import org.hamster.pallet.balances.BalancesError;
import org.hamster.pallet.balances.BalancesEvent;
import org.hamster.pallet.balances.BalancesStorage;
import org.junit.jupiter.api.Test;

class BalancesMetadataTest {
    @Test
    void theMetadataDescribesTheCodecs() throws Exception {
        BalancesPallet p = new BalancesPallet();
        p.configure(new ObjectMapper().readTree("{\"existentialDeposit\": \"1000000000\"}"));
        MetadataConformance.of(p).calls(BalancesCall.class).events(BalancesEvent.class).errors(BalancesError.class)
                .storage(BalancesStorage.class)
                .sample(BalancesStorage.TOTAL_ISSUANCE, BigInteger.TWO.pow(128).subtract(BigInteger.ONE))
                .sample(BalancesStorage.LOCKS, TestAccounts.ALICE, java.util.List.of())
                .sample(BalancesStorage.RESERVES, TestAccounts.ALICE, java.util.List.of())
                .constants().verify();
        PalletMeta.Constant ed = p.metadata().constants().get(0);
        assertEquals("ExistentialDeposit", ed.name());
        assertEquals("0x00ca9a3b000000000000000000000000", Hex.encode(ed.value()));
    }
}
