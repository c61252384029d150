package org.hamster.provider.internal.shell;

import org.apache.karaf.shell.api.action.Argument;

/** A management command on an amount of HAM. */
abstract class AmountCommand extends ManagementCommand {
    @Argument(index = 0, name = "amount", required = true, description = "HAM (1.5) or planck (1500000000000p)")
    String amount;
}
