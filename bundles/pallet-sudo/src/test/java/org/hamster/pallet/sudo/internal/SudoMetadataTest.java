package org.hamster.pallet.sudo.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamster.chain.testkit.MetadataConformance;
import org.hamster.chain.testkit.TestAccounts;
import org.hamster.pallet.sudo.SudoCall;
import org.hamster.pallet.sudo.SudoError;
import org.hamster.pallet.sudo.SudoEvent;
import org.hamster.pallet.sudo.SudoStorage;
import org.junit.jupiter.api.Test;

class SudoMetadataTest {
    @Test
    void theMetadataDescribesTheCodecs() {
        SudoPallet p = new SudoPallet();
        MetadataConformance.of(p).calls(SudoCall.class).events(SudoEvent.class, new SudoEvent.Sudid(null),
                        new SudoEvent.KeyChanged(null, TestAccounts.BOB))
                .errors(SudoError.class).storage(SudoStorage.class).sample(SudoStorage.KEY, TestAccounts.ALICE)
                .constants().verify();
        assertTrue(p.metadata().constants().isEmpty());
    }
}
