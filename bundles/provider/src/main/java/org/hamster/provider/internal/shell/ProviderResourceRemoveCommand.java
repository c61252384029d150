package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "provider-resource-remove", description = "Delists an unused or offline resource")
@Service
public class ProviderResourceRemoveCommand extends ResourceCommand {
    @Override
    void run() throws HamsterException {
        print(List.of(management.remove(resource)));
    }
}
