package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "provider-resource-offline", description = "Takes an unused resource off "
        + "the market (no fault recorded; provider-resource-relist brings it back)")
@Service
public class ProviderResourceOfflineCommand extends ResourceCommand {
    @Override
    void run() throws HamsterException {
        print(List.of(management.offline(resource)));
    }
}
