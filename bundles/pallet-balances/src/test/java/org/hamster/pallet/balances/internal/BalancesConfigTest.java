package org.hamster.pallet.balances.internal;

import static org.hamster.chain.testkit.TestAccounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamster.chain.testkit.PalletHarness;
import org.hamster.pallet.system.internal.SystemPallet;
import org.junit.jupiter.api.Test;

class BalancesConfigTest {
    private static PalletHarness build(String constants, String genesis) {
        return PalletHarness.builder().pallet(0, new SystemPallet()).pallet(2, new BalancesPallet())
                .constants("Balances", constants).genesis("Balances", genesis).build();
    }

    private static void refused(String constants, String genesis, String message) {
        Exception e = assertThrows(RuntimeException.class, () -> build(constants, genesis));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void theExistentialDepositIsRequiredAndPositive() {
        refused("{}", "{}", "existentialDeposit is required");
        refused("{\"existentialDeposit\": \"0\"}", "{}", "greater than zero");
        refused("{\"existentialDeposit\": \"1.5\"}", "{}", "non-negative integer");
        assertThrows(IllegalStateException.class, () -> new BalancesPallet().existentialDeposit());
    }

    @Test
    void genesisIsValidated() {
        String ed = "{\"existentialDeposit\": \"10\"}";
        String a = ALICE.ss58();
        refused(ed, "{\"balances\": [[\"" + a + "\", \"9\"]]}", "below the existential deposit");
        refused(ed, "{\"balances\": [[\"" + a + "\", \"10\"], [\"" + a + "\", \"10\"]]}", "twice");
        refused(ed, "{\"balances\": [[\"nope\", \"10\"]]}", "not an account");
        refused(ed, "{\"balances\": [[\"" + a + "\"]]}", "[address, amount]");
        refused(ed, "{\"balances\": {}}", "must be an array");
    }

    @Test
    void anEmptyGenesisStartsWithNoIssuance() {
        PalletHarness h = build("{\"existentialDeposit\": \"10\"}", "{}");
        assertTrue(h.service(org.hamster.pallet.balances.Currency.class).totalIssuance(h.state()).signum() == 0);
    }
}
