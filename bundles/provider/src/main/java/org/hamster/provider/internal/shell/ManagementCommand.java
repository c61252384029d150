package org.hamster.provider.internal.shell;

import java.math.BigInteger;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.hamster.common.HamsterException;
import org.hamster.common.TokenAmount;
import org.hamster.provider.ActionResult;
import org.hamster.provider.Provider;
import org.hamster.provider.ProviderManagement;
import org.hamster.provider.RefusedException;

/**
 * A {@code hamster:provider-*} command that manages the provider's account on chain: failures (bad input, the
 * chain's refusal, a provider that does not run) become a {@link CommandException} with a message for people, which
 * the shell prints as its error (and logs at DEBUG only: they are answers, not faults); actions print their block
 * and events.
 */
abstract class ManagementCommand implements Action {
    @Reference
    Provider provider;

    ProviderManagement management;

    abstract void run() throws HamsterException;

    @Override
    public Object execute() throws CommandException {
        management = provider.management();
        try {
            run();
        } catch (RefusedException e) {
            throw new CommandException("Refused by the chain: " + e.error());
        } catch (HamsterException e) {
            throw new CommandException(e.getMessage());
        }
        return null;
    }

    /** An amount in HAM ("1.5") or planck ("1500000000000p"). */
    BigInteger amount(String text) throws HamsterException {
        return TokenAmount.parse(text, management.tokenDecimals());
    }

    /** Planck as HAM text with all decimals, as the market commands print it. */
    static String ham(BigInteger planck, int decimals) {
        return TokenAmount.format(planck, decimals) + " HAM";
    }

    static void print(List<ActionResult> results) {
        for (ActionResult r : results) {
            System.out.printf("In block #%d %s%n", r.blockNumber(), r.blockHash());
            r.events().forEach(e -> System.out.println("  " + e));
        }
    }
}
