package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "provider-resource-extend", description = "Moves the end of a resource's "
        + "listing later")
@Service
public class ProviderResourceExtendCommand extends ResourceCommand {
    @Argument(index = 1, name = "hours", required = true, description = "Hours to add")
    long hours;

    @Override
    void run() throws HamsterException {
        print(List.of(management.addDuration(resource, hours)));
    }
}
