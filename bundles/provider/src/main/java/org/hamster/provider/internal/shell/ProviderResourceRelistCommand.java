package org.hamster.provider.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hamster.common.HamsterException;

@Command(scope = "hamster", name = "provider-resource-relist", description = "Puts an offline resource back "
        + "on the market")
@Service
public class ProviderResourceRelistCommand extends ResourceCommand {
    @Override
    void run() throws HamsterException {
        print(List.of(management.relist(resource)));
    }
}
