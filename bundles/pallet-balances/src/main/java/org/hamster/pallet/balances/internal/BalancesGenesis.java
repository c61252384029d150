package org.hamster.pallet.balances.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.hamster.chain.AccountId;
import org.hamster.chain.spi.State;
import org.hamster.chain.support.SpecValues;
import org.hamster.pallet.balances.BalancesStorage;
import org.hamster.pallet.system.AccountInfo;
import org.hamster.pallet.system.SystemStorage;

/**
 * The genesis section {@code {"balances": [["<ss58>", "<amount>"], ...]}}: each account gets its free balance
 * and a provider reference, the total issuance their sum. Amounts below the ED, duplicates and a total beyond
 * u128 are refused, as Substrate's genesis build asserts.
 */
final class BalancesGenesis {
    private BalancesGenesis() {
    }

    static void apply(State s, JsonNode config, BigInteger ed) {
        JsonNode list = SpecValues.absent(config) ? config : config.path("balances");
        BigInteger total = BigInteger.ZERO;
        if (!SpecValues.absent(list)) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("Balances genesis 'balances' must be an array of [address, amount]");
            }
            Set<AccountId> seen = new HashSet<>();
            for (JsonNode entry : list) {
                if (!entry.isArray() || entry.size() != 2) {
                    throw new IllegalArgumentException("Balances genesis entry must be [address, amount], got " + entry);
                }
                AccountId who = SpecValues.account(entry.get(0), "Balances genesis account");
                BigInteger amount = SpecValues.u128(entry.get(1), "Balances genesis balance of " + who);
                if (amount.compareTo(ed) < 0) {
                    throw new IllegalArgumentException("Balances genesis balance of " + who + " (" + amount
                            + ") is below the existential deposit " + ed);
                }
                if (!seen.add(who)) {
                    throw new IllegalArgumentException("Balances genesis lists " + who + " twice");
                }
                total = total.add(amount);
                if (total.compareTo(Ledger.MAX) > 0) {
                    throw new IllegalArgumentException("Balances genesis total exceeds u128");
                }
                AccountInfo info = SystemStorage.ACCOUNT.getOr(s, who, AccountInfo.EMPTY);
                SystemStorage.ACCOUNT.put(s, who, info.withProviders(info.providers() + 1)
                        .withData(info.data().withFree(amount)));
            }
        }
        BalancesStorage.TOTAL_ISSUANCE.put(s, total);
    }
}
