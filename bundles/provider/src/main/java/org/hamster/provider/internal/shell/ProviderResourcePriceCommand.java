package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "provider-resource-price", description = "Sets the price per hour of new orders "
        + "and renewals of a resource")
@Service
public class ProviderResourcePriceCommand extends ResourceCommand {
    @Argument(index = 1, name = "price", required = true, description = "HAM per hour (or planck with a p suffix)")
    String price;

    @Override
    void run() throws HamsterException {
        print(List.of(management.setPrice(resource, amount(price))));
    }
}
