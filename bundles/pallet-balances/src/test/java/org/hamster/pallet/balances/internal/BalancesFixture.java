package org.hamster.pallet.balances.internal;

import java.math.BigInteger;
import org.hamster.chain.AccountId;
import org.hamster.chain.testkit.PalletHarness;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.SystemStorage;
import org.hamster.pallet.system.internal.SystemPallet;

/** A System + Balances runtime with ED 10, Alice 1000 and Bob 500 (total issuance 1500). */
final class BalancesFixture {
    private BalancesFixture() {
    }

    static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    static PalletHarness harness(AccountId alice, AccountId bob) {
        return PalletHarness.builder().pallet(0, new SystemPallet()).pallet(2, new BalancesPallet())
                .constants("Balances", "{\"existentialDeposit\": \"10\"}")
                .genesis("Balances", "{\"balances\": [[\"" + alice.ss58() + "\", \"1000\"], [\"" + bob.ss58()
                        + "\", 500]]}")
                .build();
    }

    static AccountInfo account(PalletHarness h, AccountId who) {
        return SystemStorage.ACCOUNT.get(h.state(), who);
    }

    static BigInteger free(PalletHarness h, AccountId who) {
        AccountInfo a = account(h, who);
        return a == null ? BigInteger.ZERO : a.data().free();
    }
}
